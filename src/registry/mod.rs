//! Talking to OCI distribution registries (and Docker Registry v2).
//!
//! Hand-written over `reqwest` rather than `oci-client`: husk needs blob bodies
//! as a blocking `Read` it can stream through sha256, the decompressor and the
//! tar unpacker in one pass on its own threads, per-registry `certs.d` trust,
//! podman's credential files and errors that name the fix; the protocol part
//! (a challenge, a token, two GETs) is small.

pub mod challenge;
pub mod client;
pub mod credentials;
pub mod reference;
pub mod search;
pub mod stream;
pub mod tls;
pub mod upload;

pub use client::{ClientOptions, RegistryClient, RegistryError, Retry};
pub use reference::Reference;
