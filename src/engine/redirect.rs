//! Redirections: `>`, `>>`, `2>&1`, `> $null` and friends, resolved once when a command is
//! set up, applied to an expression's output or wrapped around a command's processor
//! (`RedirectProc`), and finished (files written) when the command ends.

use crate::engine::command::Sink;
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::{Interp, StreamDest, Streams};
use crate::engine::pipeline::Processor;
use crate::engine::value::Value;
use crate::lang::ast::*;

impl Interp {
    /// `proc` with its command's redirections around it.
    pub(crate) fn redirected(
        &mut self,
        proc: Box<dyn Processor>,
        reds: &[Redirection],
    ) -> FlowResult<Box<dyn Processor>> {
        let redirections = self.resolve_redirections(reds)?;
        Ok(Box::new(RedirectProc {
            inner: proc,
            redirections,
            target: None,
        }))
    }

    /// Evaluates redirection targets once, when the command is set up.
    pub(crate) fn resolve_redirections(
        &mut self,
        reds: &[Redirection],
    ) -> FlowResult<Vec<Redirect>> {
        let mut out = Vec::with_capacity(reds.len());
        for r in reds {
            out.push(match r {
                Redirection::Merge { from } => Redirect {
                    from: *from,
                    to: RedirectTo::Output,
                },
                Redirection::File {
                    from,
                    target,
                    append,
                } => {
                    let path = self.eval(target)?;
                    let to = if path.is_null() {
                        RedirectTo::Null
                    } else {
                        RedirectTo::File(path.to_display_string(), *append)
                    };
                    Redirect { from: *from, to }
                }
            });
        }
        Ok(out)
    }

    /// Applies redirections to the stream state; returns a replacement output sink when
    /// output itself is redirected.
    pub(crate) fn apply_redirections(
        &mut self,
        reds: &[Redirect],
    ) -> Option<Box<dyn RedirectSink>> {
        let mut target: Option<Box<dyn RedirectSink>> = None;
        for r in reds {
            let dest = match &r.to {
                RedirectTo::Output => StreamDest::Output,
                RedirectTo::Null => StreamDest::Null,
                // Streams other than output written to a file are dropped from the console.
                RedirectTo::File(..) => StreamDest::Null,
            };
            let sink = || -> Box<dyn RedirectSink> {
                match &r.to {
                    RedirectTo::File(p, append) => Box::new(FileRedirect::new(p.clone(), *append)),
                    _ => Box::new(NullRedirect),
                }
            };
            match r.from {
                Stream::Output => {
                    if !matches!(r.to, RedirectTo::Output) {
                        target = Some(sink());
                    }
                }
                Stream::Error => self.streams.error = dest,
                Stream::Warning => self.streams.warning = dest,
                Stream::Verbose | Stream::Debug => self.streams.verbose = dest,
                Stream::Information => self.streams.information = dest,
                Stream::All => {
                    self.streams = Streams {
                        error: dest,
                        warning: dest,
                        verbose: dest,
                        information: dest,
                    };
                    if !matches!(r.to, RedirectTo::Output) {
                        target = Some(sink());
                    }
                }
            }
        }
        target
    }

    pub(crate) fn finish_redirect(&mut self, t: &mut dyn RedirectSink) -> FlowResult<()> {
        t.finish(self)
    }
}

/// A sink that replaces a command's output under `>` / `>>` / `> $null`.
pub(crate) trait RedirectSink: Sink {
    fn finish(&mut self, interp: &mut Interp) -> FlowResult<()>;
}

struct NullRedirect;

impl Sink for NullRedirect {
    fn emit(&mut self, _interp: &mut Interp, _value: Value) -> FlowResult<()> {
        Ok(())
    }
}

impl RedirectSink for NullRedirect {
    fn finish(&mut self, _interp: &mut Interp) -> FlowResult<()> {
        Ok(())
    }
}

struct FileRedirect {
    path: String,
    append: bool,
    items: Vec<Value>,
}

impl FileRedirect {
    fn new(path: String, append: bool) -> FileRedirect {
        FileRedirect {
            path,
            append,
            items: Vec::new(),
        }
    }
}

impl Sink for FileRedirect {
    fn emit(&mut self, _interp: &mut Interp, value: Value) -> FlowResult<()> {
        self.items.push(value);
        Ok(())
    }
}

impl RedirectSink for FileRedirect {
    fn finish(&mut self, interp: &mut Interp) -> FlowResult<()> {
        let text = crate::format::display::format_for_file(&self.items, &interp.formatter);
        let r = if self.append {
            use std::io::Write;
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .and_then(|mut f| f.write_all(text.as_bytes()))
        } else {
            std::fs::write(&self.path, text)
        };
        r.map_err(|e| {
            Flow::error(ErrorRecord::new(
                format!("Could not write to '{}': {}", self.path, e),
                "FileWriteError",
                ErrorCategory::WriteError,
            ))
        })
    }
}

/// A redirection with its target evaluated.
pub(crate) struct Redirect {
    from: Stream,
    to: RedirectTo,
}

enum RedirectTo {
    Output,
    Null,
    File(String, bool),
}

/// Wraps a processor whose command has redirections.
struct RedirectProc {
    inner: Box<dyn Processor>,
    redirections: Vec<Redirect>,
    target: Option<Box<dyn RedirectSink>>,
}

impl RedirectProc {
    fn with<F>(
        &mut self,
        interp: &mut Interp,
        out: &mut dyn Sink,
        last: bool,
        f: F,
    ) -> FlowResult<()>
    where
        F: FnOnce(&mut dyn Processor, &mut Interp, &mut dyn Sink) -> FlowResult<()>,
    {
        let saved = interp.streams;
        let fresh = interp.apply_redirections(&self.redirections);
        if self.target.is_none() {
            self.target = fresh;
        }
        let r = match &mut self.target {
            Some(t) => f(self.inner.as_mut(), interp, t.as_mut()),
            None => f(self.inner.as_mut(), interp, out),
        };
        interp.streams = saved;
        if last {
            if let Some(t) = self.target.as_mut() {
                t.finish(interp)?;
            }
        }
        r
    }
}

impl Processor for RedirectProc {
    fn begin(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        self.with(interp, out, false, |p, i, o| p.begin(i, o))
    }
    fn process(
        &mut self,
        interp: &mut Interp,
        input: Option<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        self.with(interp, out, false, |p, i, o| p.process(i, input, o))
    }
    fn end(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        self.with(interp, out, true, |p, i, o| p.end(i, o))
    }
}
