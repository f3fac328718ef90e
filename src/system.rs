//! What the whole store holds: disk usage by kind (`husk system df`) and
//! removing everything unused at once (`husk system prune`).

use std::collections::HashSet;

use anyhow::Result;

use crate::container::{lifecycle, state};
use crate::store::Store;

/// One line of `system df`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    pub total: usize,
    /// In use: images with containers, running containers, volumes with containers.
    pub active: usize,
    pub size: u64,
    /// What a prune would free.
    pub reclaimable: u64,
}

impl Usage {
    fn add(&mut self, size: u64, active: bool) {
        self.total += 1;
        self.size += size;
        match active {
            true => self.active += 1,
            false => self.reclaimable += size,
        }
    }
}

/// `system df`: images, containers (their writable layers) and volumes.
#[derive(Debug, Clone, Default)]
pub struct DiskUsage {
    pub images: Usage,
    pub containers: Usage,
    pub volumes: Usage,
}

pub fn disk_usage(store: &Store) -> Result<DiskUsage> {
    let mut out = DiskUsage::default();
    let records = store.container_records()?;
    let used_images: HashSet<_> = records.iter().map(|r| r.image.clone()).collect();
    for image in store.images()? {
        out.images.add(image.size, used_images.contains(&image.id));
    }
    for r in &records {
        let running = state::current(store, &r.id).is_ok_and(|s| state::is_active(&s));
        let upper = store.container_dir(&r.id).join("upper");
        out.containers.add(crate::store::tree_size(&upper), running);
    }
    let used_volumes = crate::volume::used_names(store)?;
    for v in crate::volume::list(store)? {
        out.volumes.add(
            crate::volume::size(store, &v),
            used_volumes.contains(&v.name),
        );
    }
    Ok(out)
}

/// `system df -v`: each image, container and volume with what it takes.
#[derive(Default)]
pub struct DetailedUsage {
    pub images: Vec<ImageUsage>,
    pub containers: Vec<ContainerUsage>,
    pub volumes: Vec<VolumeUsage>,
}

pub struct ImageUsage {
    pub image: crate::store::images::ImageRecord,
    /// Bytes of its layers that another image has too.
    pub shared: u64,
    /// Bytes of its layers no other image has.
    pub unique: u64,
    /// Containers made from it.
    pub containers: usize,
}

pub struct ContainerUsage {
    pub container: crate::container::list::Listed,
    /// Bytes of its writable layer.
    pub size: u64,
    /// Named and anonymous volumes it mounts.
    pub volumes: usize,
}

pub struct VolumeUsage {
    pub name: String,
    /// Containers that mount it.
    pub links: usize,
    pub size: u64,
}

/// `system df -v`.
pub fn detailed_usage(store: &Store) -> Result<DetailedUsage> {
    let images = store.images()?;
    let records = store.container_records()?;
    // How many images hold each layer, and its size.
    let mut holders: std::collections::HashMap<crate::digest::Digest, (usize, u64)> =
        std::collections::HashMap::new();
    for i in &images {
        for l in &i.layers {
            let size = store.layer_info(l).map_or(0, |info| info.size);
            holders.entry(l.clone()).or_insert((0, size)).0 += 1;
        }
    }
    let mut out = DetailedUsage::default();
    for image in images {
        let shared: u64 = image
            .layers
            .iter()
            .filter_map(|l| holders.get(l))
            .filter(|(n, _)| *n > 1)
            .map(|(_, size)| size)
            .sum();
        let containers = records.iter().filter(|r| r.image == image.id).count();
        out.images.push(ImageUsage {
            shared,
            unique: image.size.saturating_sub(shared),
            containers,
            image,
        });
    }
    for c in crate::container::list::list(store, true, &[])? {
        let upper = store.container_dir(&c.record.id).join("upper");
        out.containers.push(ContainerUsage {
            size: crate::store::tree_size(&upper),
            volumes: crate::volume::mounts_of(&c.record).len(),
            container: c,
        });
    }
    for v in crate::volume::list(store)? {
        let links = records
            .iter()
            .filter(|r| crate::volume::mounts_of(r).iter().any(|m| m.name == v.name))
            .count();
        out.volumes.push(VolumeUsage {
            size: crate::volume::size(store, &v),
            name: v.name.clone(),
            links,
        });
    }
    Ok(out)
}

/// What `system prune` removes besides stopped containers and unused networks.
#[derive(Debug, Clone, Default)]
pub struct PruneOptions {
    /// `-a`: every image without a container, not only dangling ones.
    pub all_images: bool,
    /// `--volumes`: unused volumes too.
    pub volumes: bool,
    /// `--filter until=|label=|label!=`: for containers and images.
    pub filters: Vec<crate::container::lifecycle::PruneFilter>,
}

/// What `system prune` removed.
#[derive(Debug, Default)]
pub struct Pruned {
    pub containers: Vec<String>,
    pub networks: Vec<String>,
    pub volumes: Vec<String>,
    pub images: Vec<String>,
    /// Containers that could not be removed.
    pub errors: Vec<anyhow::Error>,
    /// Bytes freed (volumes' content and the images' sizes).
    pub freed: u64,
}

/// `system prune`: stopped containers, then unused networks, volumes (with
/// `volumes`) and images (dangling ones, or with `all_images` every one no
/// container uses).
pub fn prune(store: &Store, opts: PruneOptions) -> Result<Pruned> {
    let mut out = Pruned::default();
    (out.containers, out.errors) = lifecycle::prune_stopped(store, &opts.filters)?;
    out.networks = crate::network::config::prune(store, &opts.filters)?;
    if opts.volumes {
        let pruned = crate::volume::prune(store, &[])?;
        out.volumes = pruned.removed;
        out.freed += pruned.freed;
    }
    let before: std::collections::HashMap<String, u64> = store
        .images()?
        .iter()
        .map(|i| (i.id.to_string(), i.size))
        .collect();
    let (images, _) = crate::image::remove::prune(store, opts.all_images, &opts.filters)?;
    out.freed += images.iter().filter_map(|i| before.get(i)).sum::<u64>();
    out.images = images;
    Ok(out)
}
