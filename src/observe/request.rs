//! The `Request`: one observed network request, as plain data.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// What kind of resource a request loaded, in the vocabulary filter lists use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ResourceType {
    Document,
    Subdocument,
    Script,
    Stylesheet,
    Image,
    Font,
    Media,
    Xmlhttprequest,
    Ping,
    Websocket,
    Other,
}

impl ResourceType {
    /// Maps the names used by Chrome's webRequest API, Chrome/Firefox HAR
    /// (`_resourceType`), and filter-list options onto one vocabulary.
    /// Unknown names become `Other`, never an error.
    pub fn from_name(name: &str) -> ResourceType {
        match name.to_ascii_lowercase().as_str() {
            "document" | "main_frame" | "mainframe" => ResourceType::Document,
            "sub_frame" | "subdocument" | "subframe" | "iframe" => ResourceType::Subdocument,
            "script" => ResourceType::Script,
            "stylesheet" | "css" => ResourceType::Stylesheet,
            "image" | "imageset" | "img" => ResourceType::Image,
            "font" => ResourceType::Font,
            "media" | "texttrack" | "object" => ResourceType::Media,
            "xhr" | "xmlhttprequest" | "fetch" | "eventsource" | "preflight" | "manifest" => ResourceType::Xmlhttprequest,
            "ping" | "beacon" | "csp_report" | "csp-violation-report" => ResourceType::Ping,
            "websocket" => ResourceType::Websocket,
            _ => ResourceType::Other,
        }
    }

    /// Guesses the type from a response MIME type (Firefox and Safari HARs carry no type).
    pub fn from_mime(mime: &str) -> ResourceType {
        let m = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        match m.as_str() {
            "text/html" | "application/xhtml+xml" => ResourceType::Document,
            "text/css" => ResourceType::Stylesheet,
            "application/javascript" | "text/javascript" | "application/x-javascript" | "application/ecmascript" => ResourceType::Script,
            "application/json" | "text/plain" | "application/x-protobuf" | "application/protobuf" | "text/xml" | "application/xml" => {
                ResourceType::Xmlhttprequest
            }
            _ if m.starts_with("image/") => ResourceType::Image,
            _ if m.starts_with("font/") || m.contains("font") => ResourceType::Font,
            _ if m.starts_with("video/") || m.starts_with("audio/") || m == "application/vnd.apple.mpegurl" || m == "application/dash+xml" => {
                ResourceType::Media
            }
            _ => ResourceType::Other,
        }
    }

    /// The name adblock-style filter options use for this type.
    pub fn filter_name(self) -> &'static str {
        match self {
            ResourceType::Document => "document",
            ResourceType::Subdocument => "subdocument",
            ResourceType::Script => "script",
            ResourceType::Stylesheet => "stylesheet",
            ResourceType::Image => "image",
            ResourceType::Font => "font",
            ResourceType::Media => "media",
            ResourceType::Xmlhttprequest => "xmlhttprequest",
            ResourceType::Ping => "ping",
            ResourceType::Websocket => "websocket",
            ResourceType::Other => "other",
        }
    }
}

/// One observed network request. Every string in it came from the network and
/// is treated as hostile by every renderer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The full request URL.
    pub url: String,
    /// URL of the top-level page the request was made for (decides the Site).
    pub site_url: String,
    /// Origin or URL of the document/worker that started the request, if known.
    pub initiator: Option<String>,
    pub resource_type: ResourceType,
    /// HTTP method, upper case.
    pub method: String,
    /// HTTP status; `None` when the request failed or never completed.
    pub status: Option<u16>,
    /// The server's IP, when the browser or capture reports it (not for cache hits).
    pub ip: Option<IpAddr>,
    /// Bytes sent: request URL, headers and body as far as known.
    pub bytes_sent: u64,
    /// Bytes received: response headers and body as far as known.
    pub bytes_received: u64,
    /// Number of cookies the response tried to set.
    pub cookies_set: u32,
    /// Milliseconds since the Unix epoch, from the caller's clock or the capture.
    pub time_ms: u64,
    /// The request body as text, when known (at most `sent::MAX_BODY` bytes are read).
    pub body: Option<String>,
    /// The body's declared content type (`Content-Type`, or a HAR's
    /// `postData.mimeType`), which decides how it is read.
    pub body_type: Option<String>,
    /// The body's size in bytes, when known apart from its text.
    pub body_size: Option<u64>,
    /// What the request sent, when it was already read (a request replayed
    /// from the extension's journal carries the names, never the body).
    pub sent: Option<super::Sent>,
    /// For a connection read from a packet capture (no URL, method or
    /// status): what the packets said about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<super::packets::ConnectionFacts>,
}

impl Request {
    /// A GET of `url` for the page `site_url`, with everything else unknown.
    pub fn new(url: impl Into<String>, site_url: impl Into<String>, resource_type: ResourceType) -> Request {
        Request {
            url: url.into(),
            site_url: site_url.into(),
            initiator: None,
            resource_type,
            method: "GET".into(),
            status: None,
            ip: None,
            bytes_sent: 0,
            bytes_received: 0,
            cookies_set: 0,
            time_ms: 0,
            body: None,
            body_type: None,
            body_size: None,
            sent: None,
            connection: None,
        }
    }

    /// Sets the server IP (builder style).
    pub fn with_ip(mut self, ip: IpAddr) -> Request {
        self.ip = Some(ip);
        self
    }
}

#[cfg(test)]
#[path = "../../tests/unit/observe_request.rs"]
mod tests;
