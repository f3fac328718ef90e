//! Layers: decompressing a layer blob and unpacking its tar into the store.

pub mod compression;
mod fsat;
pub mod unpack;

pub use fsat::get_xattr;
pub use unpack::{unpack, UnpackStats, OPAQUE_XATTR, OVERRIDE_XATTR};
