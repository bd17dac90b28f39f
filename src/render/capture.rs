//! What a report says of the capture it was made from (file, packets read,
//! what a packet capture cannot show) and of its subject (an app or device).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::view::{entity_ref, EntityRef};
use crate::aggregate::{SiteReport, SubjectKind};
use crate::classify::entity;
use crate::observe::packets::{Format, NameBasis, PacketCapture};

/// An app or device a report is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubjectView {
    pub kind: SubjectKind,
    /// The app's package id, or "this device".
    pub id: String,
    /// The app's name or the device's model, when the capture or the data says it.
    pub label: Option<String>,
    /// How the capture says which app (or that it names none).
    pub basis: Option<String>,
    /// The company that publishes the app (data/apps.toml), whose own hosts are "same-entity".
    pub publisher: Option<EntityRef>,
    /// Where the publisher is stated.
    pub publisher_source: Option<String>,
    /// The publisher's ultimate parent, when it has one: hosts of any company
    /// under it count as the same entity.
    pub publisher_group: Option<EntityRef>,
}

/// The capture a report was made from, so anyone can check they rerun it on the same bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CaptureView {
    /// SHA-256 of the capture file, lower-case hex.
    pub sha256: String,
    pub bytes: u64,
    /// The capture's own creator (e.g. "WebInspector 537.36"), if it names one.
    pub creator: Option<String>,
    /// For a packet capture: what was read, and what a packet capture cannot show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packets: Option<PacketSummary>,
}

/// What was read from a packet capture, in numbers and plain statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PacketSummary {
    /// "pcap" or "pcapng".
    pub format: Option<Format>,
    pub packets: u64,
    pub packets_not_ip: u64,
    /// IP packets neither TCP nor UDP, or later fragments: in no connection.
    pub packets_other_ip: u64,
    /// Connections in the whole capture (every subject).
    pub connections: u64,
    pub dns_responses: u64,
    /// Connections to DNS-over-TLS or known DNS-over-HTTPS servers.
    pub encrypted_dns: u64,
    /// Connections whose ClientHello carried an Encrypted Client Hello extension (real or GREASE).
    pub ech: u64,
    /// Connections joined mid-way (no handshake in the capture).
    pub mid_stream: u64,
    /// Connections nothing names (reported by server address and network).
    pub unnamed: u64,
    /// Connections whose address DNS gave to several names.
    pub ambiguous: u64,
    pub device: Option<String>,
    pub os: Option<String>,
    pub recorder: Option<String>,
    /// Apps the capture names: "uid package (label)".
    pub apps: Vec<String>,
    /// Why reading stopped early, if it did (what was read before is reported).
    pub stopped: Option<String>,
    /// DNS answers past the reader's bound, not kept.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dns_not_kept: u64,
    /// The reader's own notes (e.g. rows of a connections CSV it could not read), in English.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What this capture cannot show, and what hid names in it, in plain sentences (English).
    pub limits: Vec<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl PacketSummary {
    /// What this capture cannot show, in a language: the same sentences as
    /// `limits` (English gives `limits` itself), the reader's notes and the
    /// reason reading stopped quoted as they are.
    pub fn limits_in(&self, l: &crate::l10n::L10n) -> Vec<String> {
        use crate::l10n::Arg;
        let n = |k: &'static str, v: u64| (k, Arg::Num(v));
        let mut out = vec![
            l.t("limit-connections-not-requests"),
            l.t(if self.format == Some(Format::PcapdroidCsv) { "limit-names-pcapdroid" } else { "limit-names-basis" }),
        ];
        out.extend(self.notes.iter().cloned());
        if self.encrypted_dns > 0 {
            out.push(l.ta("limit-encrypted-dns", &[n("n", self.encrypted_dns)]));
        }
        if self.packets_other_ip > 0 {
            out.push(l.ta("limit-other-ip", &[n("n", self.packets_other_ip)]));
        }
        if self.dns_not_kept > 0 {
            out.push(l.ta("limit-dns-not-kept", &[n("n", self.dns_not_kept)]));
        }
        if self.ech > 0 {
            out.push(l.ta("limit-ech", &[n("n", self.ech)]));
        }
        if self.ambiguous > 0 {
            out.push(l.ta("limit-ambiguous", &[n("n", self.ambiguous)]));
        }
        if self.mid_stream > 0 {
            out.push(l.ta("limit-mid-stream", &[n("n", self.mid_stream)]));
        }
        if let Some(why) = &self.stopped {
            out.push(l.ta("limit-stopped", &[("why", why.into())]));
        }
        out
    }
}

impl CaptureView {
    /// What a report says of the capture it was made from.
    pub fn of(capture: &crate::observe::HarCapture) -> CaptureView {
        CaptureView { sha256: capture.sha256.clone(), bytes: capture.bytes, creator: Some(capture.creator.clone()).filter(|c| !c.is_empty()), packets: None }
    }

    /// What a report says of the packet capture it was made from.
    pub fn of_packets(capture: &PacketCapture) -> CaptureView {
        let n = |f: &dyn Fn(&crate::observe::packets::Connection) -> bool| capture.connections.iter().filter(|c| f(c)).count() as u64;
        let ech = n(&|c| c.ech);
        let mid_stream = n(&|c| c.mid_stream);
        let unnamed = n(&|c| c.basis == NameBasis::None);
        let ambiguous = n(&|c| c.basis == NameBasis::DnsAmbiguous);
        let mut apps: Vec<String> = capture
            .apps
            .values()
            .map(|a| match &a.label {
                Some(l) => format!("{} {} ({l})", a.uid, a.package),
                None => format!("{} {}", a.uid, a.package),
            })
            .collect();
        apps.sort();
        let mut view = CaptureView {
            sha256: capture.sha256.clone(),
            bytes: capture.bytes,
            creator: capture.recorder.clone(),
            packets: Some(PacketSummary {
                format: capture.format,
                packets: capture.packets,
                packets_not_ip: capture.packets_not_ip,
                packets_other_ip: capture.packets_other_ip,
                connections: capture.connections.len() as u64,
                dns_responses: capture.dns_responses,
                encrypted_dns: capture.encrypted_dns,
                ech,
                mid_stream,
                unnamed,
                ambiguous,
                device: capture.device.clone(),
                os: capture.os.clone(),
                recorder: capture.recorder.clone(),
                apps,
                stopped: capture.stopped.clone(),
                dns_not_kept: capture.dns_not_kept,
                notes: capture.notes.clone(),
                limits: Vec::new(),
            }),
        };
        // The English sentences the JSON quotes, made by the same catalogue every language's are.
        if let Some(pk) = view.packets.as_mut() {
            pk.limits = pk.limits_in(crate::l10n::english());
        }
        view
    }
}

pub(super) fn subject_view(site: &SiteReport) -> Option<SubjectView> {
    let s = &site.subject;
    if s.kind == SubjectKind::Site {
        return None;
    }
    let known = (s.kind == SubjectKind::App).then(|| crate::classify::app::known_app(&site.site)).flatten();
    Some(SubjectView {
        kind: s.kind,
        id: site.site.clone(),
        label: s.label.clone(),
        basis: s.basis.clone(),
        publisher: known.map(|k| entity_ref(k.publisher)),
        publisher_source: known.map(|k| k.source.to_string()),
        publisher_group: known.map(|k| (k.publisher, entity::root(k.publisher))).filter(|(p, r)| p != r).map(|(_, r)| entity_ref(r)),
    })
}
