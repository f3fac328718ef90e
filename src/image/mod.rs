//! Images: manifests and platforms, pulling, finding and describing stored images.

pub mod export;
pub mod history;
pub mod import;
pub mod inspect;
pub mod list;
pub mod load;
pub mod lookup;
pub mod manifest;
pub mod manifest_list;
pub mod platform;
pub mod pull;
pub mod push;
pub mod remove;
pub mod save;
pub mod search;
pub mod squash;
pub mod write;
