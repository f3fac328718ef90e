//! Layers: decompressing a layer blob and unpacking its tar into the store.

pub mod compression;
pub mod guard;
pub mod pack;
pub mod split;
pub mod unpack;

pub use crate::fsat::get_xattr;
pub use unpack::{parse_override, unpack, UnpackStats, OPAQUE_XATTR, OVERRIDE_XATTR};
