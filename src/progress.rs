//! Progress of long work (pulls): bars on a terminal, plain lines in scripts,
//! nothing with `-q`, or events for the API to stream as docker's JSON.

use std::io::{IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How progress is shown.
#[derive(Clone)]
pub enum Progress {
    /// One bar per item on stderr (a terminal).
    Bars(MultiProgress),
    /// A line per finished item on stderr (not a terminal).
    Lines,
    /// Nothing (`-q`).
    Quiet,
    /// Events to a listener (the API service's progress stream).
    Events(std::sync::mpsc::Sender<Event>),
}

/// What an [`Progress::Events`] listener hears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A status line.
    Message(String),
    /// Item `label` (a layer) of `total` bytes begins.
    Started { label: String, total: u64 },
    /// Item `label` is at `current` of `total` bytes.
    Advanced {
        label: String,
        current: u64,
        total: u64,
    },
    /// Item `label` is done ("done", "already exists", "failed").
    Finished { label: String, status: String },
}

impl Progress {
    /// Bars if stderr is a terminal, else lines; nothing if `quiet`.
    pub fn for_stderr(quiet: bool) -> Progress {
        if quiet {
            Progress::Quiet
        } else if std::io::stderr().is_terminal() {
            Progress::Bars(MultiProgress::with_draw_target(
                ProgressDrawTarget::stderr_with_hz(10),
            ))
        } else {
            Progress::Lines
        }
    }

    /// A status line ("Pulling ...").
    pub fn message(&self, text: &str) {
        match self {
            Progress::Bars(m) => {
                let _ = m.println(text);
            }
            Progress::Lines => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
            Progress::Quiet => {}
            Progress::Events(tx) => {
                let _ = tx.send(Event::Message(text.to_string()));
            }
        }
    }

    /// Start tracking an item of `total` bytes.
    pub fn item(&self, label: &str, total: u64) -> Item {
        let bar = match self {
            Progress::Bars(m) => {
                let bar = m.add(ProgressBar::new(total));
                bar.set_style(
                    ProgressStyle::with_template("{prefix} {wide_bar} {bytes:>10}/{total_bytes:<10} {binary_bytes_per_sec:>12}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar())
                        .progress_chars("=> "),
                );
                bar.set_prefix(label.to_string());
                bar.enable_steady_tick(Duration::from_millis(200));
                Some(bar)
            }
            _ => None,
        };
        let events = match self {
            Progress::Events(tx) => {
                let _ = tx.send(Event::Started {
                    label: label.to_string(),
                    total,
                });
                Some(Listener {
                    tx: tx.clone(),
                    total,
                    current: Arc::new(AtomicU64::new(0)),
                    gone: Arc::new(AtomicBool::new(false)),
                })
            }
            _ => None,
        };
        Item {
            bar,
            label: label.to_string(),
            lines: matches!(self, Progress::Lines),
            events,
        }
    }
}

/// An item's listener, and where the item is.
#[derive(Clone)]
struct Listener {
    tx: std::sync::mpsc::Sender<Event>,
    total: u64,
    current: Arc<AtomicU64>,
    /// The listener stopped listening (the API's client hung up).
    gone: Arc<AtomicBool>,
}

/// One tracked item (a layer).
#[derive(Clone)]
pub struct Item {
    bar: Option<ProgressBar>,
    label: String,
    lines: bool,
    events: Option<Listener>,
}

impl Item {
    /// An item nothing shows.
    pub fn hidden() -> Item {
        Item {
            bar: None,
            label: String::new(),
            lines: false,
            events: None,
        }
    }

    pub fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
        if let Some(l) = &self.events {
            let current = l.current.fetch_add(n, Ordering::Relaxed) + n;
            let sent = l.tx.send(Event::Advanced {
                label: self.label.clone(),
                current,
                total: l.total,
            });
            if sent.is_err() {
                l.gone.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Whether the one the item reports to has stopped listening: the work
    /// is for nobody now (dockerd cancels a pull whose client hung up).
    pub fn abandoned(&self) -> bool {
        self.events
            .as_ref()
            .is_some_and(|l| l.gone.load(Ordering::Relaxed))
    }

    /// Start over (a retried download).
    pub fn reset(&self) {
        if let Some(b) = &self.bar {
            b.set_position(0);
        }
        if let Some(l) = &self.events {
            l.current.store(0, Ordering::Relaxed);
        }
    }

    /// Finish with a short status ("done", "already exists").
    pub fn finish(&self, status: &str) {
        if let Some(l) = &self.events {
            let _ = l.tx.send(Event::Finished {
                label: self.label.clone(),
                status: status.to_string(),
            });
        }
        match &self.bar {
            Some(b) => {
                b.set_style(
                    ProgressStyle::with_template("{prefix} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                b.finish_with_message(status.to_string());
            }
            None if self.lines => {
                let _ = writeln!(std::io::stderr(), "{} {status}", self.label);
            }
            None => {}
        }
    }
}

/// A reader that reports the bytes read through it to an [`Item`].
pub struct ProgressReader<'a, R> {
    inner: R,
    item: &'a Item,
}

impl<'a, R: Read> ProgressReader<'a, R> {
    pub fn new(inner: R, item: &'a Item) -> Self {
        ProgressReader { inner, item }
    }

    /// The reader it wraps.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.item.abandoned() {
            return Err(std::io::Error::other("cancelled: the client went away"));
        }
        let n = self.inner.read(buf)?;
        self.item.inc(n as u64);
        Ok(n)
    }
}
