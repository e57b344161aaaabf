use std::path::{Path, PathBuf};

use crate::sanitize::display;

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// Bytes built into the binary (the demo trail).
    Embedded {
        name: &'static str,
        bytes: &'static [u8],
    },
}

impl Input {
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "-".to_owned(),
            Input::Embedded { name, .. } => (*name).to_owned(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read {}", display(&.path.display().to_string()))]
    Missing {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Expands the command-line inputs: `-` is stdin, a folder is every file below it (in
/// name order, so loads are reproducible). Files below a folder that cannot be read
/// become rejects when they are loaded, not errors here; a named path that does not
/// exist is an error, as it is most likely a typo.
pub fn expand_inputs(args: &[PathBuf]) -> Result<Vec<Input>, InputError> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let meta = std::fs::metadata(arg).map_err(|source| InputError::Missing {
            path: arg.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk_folder(arg, &mut out);
        } else {
            out.push(Input::File(arg.clone()));
        }
    }
    Ok(out)
}

fn walk_folder(dir: &Path, out: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => out.push(Input::File(entry.into_path())),
            Ok(_) => {}
            // An unreadable folder entry is kept so that loading reports it as a reject.
            Err(e) => {
                if let Some(path) = e.path() {
                    out.push(Input::File(path.to_path_buf()));
                }
            }
        }
    }
}
