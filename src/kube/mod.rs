//! Kubernetes YAML (issue 19): `husk kube generate` writes a container's or
//! a pod's workload as a `Pod` or `Deployment` (and a `Service`), `husk kube
//! play` runs such YAML as husk pods, `husk kube down` removes them.
//!
//! - [`model`]: the YAML read into typed objects (Pod, Deployment,
//!   PersistentVolumeClaim, ConfigMap, Secret, Service); every field husk
//!   does not act on is a warning naming it, never a silent drop.
//! - [`plan`]: those objects made into the pods to create, each container
//!   as `husk run` options, everything checked (ConfigMap keys, host ports
//!   published twice, names in use) before the first side effect.
//! - [`play`]: the plan carried out through the pod and container library
//!   (a failing pod removed again), and `down`.
//! - [`generate`]: the other way, from the container records.

pub mod generate;
pub mod model;
pub mod plan;
pub mod play;

/// The network `kube play` puts pods on unless told otherwise (podman's is
/// `podman-default-kube-network`): pods reach each other and the Services
/// selecting them by name.
pub const DEFAULT_NETWORK: &str = "husk-default-kube-network";

/// The label a pod made by `kube play` carries: the YAML's object
/// (`Pod/NAME` or `Deployment/NAME`), so `kube down` and `--replace` find it.
pub const LABEL_OBJECT: &str = "io.husk.kube.object";
