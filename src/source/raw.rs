use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::content::inflate;
use crate::model::RawRef;
use crate::sanitize::display;
use crate::source::{SourceInfo, SourceKind};

/// Why an original record could not be read again.
#[derive(Debug, thiserror::Error)]
pub enum RawError {
    #[error("unknown source {0}")]
    UnknownSource(u32),
    #[error("{}: {}", display(&.0.display().to_string()), .1)]
    Io(PathBuf, std::io::Error),
    #[error("{}: the file changed after it was loaded; reload it to see its records", display(&.0.display().to_string()))]
    Changed(PathBuf),
    #[error("{}: the file was truncated after this record was read", display(&.0.display().to_string()))]
    Truncated(PathBuf),
    #[error("record out of range of its source")]
    OutOfRange,
}

/// How many inflated gzip files are kept for reading neighbouring records.
const GZIP_CACHE: usize = 8;
const OPEN_FILES: usize = 16;

/// Reads indexed records' original bytes again, caching open files and inflated gzip data.
#[derive(Default)]
pub struct RawReader {
    files: Vec<(u32, File)>,
    inflated: Vec<(u32, Arc<Vec<u8>>)>,
}

impl RawReader {
    #[must_use]
    pub fn new() -> Self {
        RawReader::default()
    }

    pub fn read(
        &mut self,
        sources: &[Option<SourceInfo>],
        raw: RawRef,
    ) -> Result<Vec<u8>, RawError> {
        let info = sources
            .get(raw.source as usize)
            .and_then(Option::as_ref)
            .ok_or(RawError::UnknownSource(raw.source))?;
        match &info.kind {
            SourceKind::Memory(store) => store
                .read(raw.offset, raw.len as usize)
                .ok_or(RawError::OutOfRange),
            SourceKind::Followed { path, file, intact } => {
                if !intact.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(RawError::Truncated(path.clone()));
                }
                let mut out = vec![0; raw.len as usize];
                std::os::unix::fs::FileExt::read_exact_at(&**file, &mut out, raw.offset).map_err(
                    |e| match e.kind() {
                        std::io::ErrorKind::UnexpectedEof => RawError::Truncated(path.clone()),
                        _ => RawError::Io(path.clone(), e),
                    },
                )?;
                Ok(out)
            }
            SourceKind::File {
                path,
                gzip: false,
                len,
                modified,
            } => {
                let file = self.open(raw.source, path, *len, *modified)?;
                let mut out = vec![0; raw.len as usize];
                file.seek(SeekFrom::Start(raw.offset))
                    .and_then(|_| file.read_exact(&mut out))
                    .map_err(|e| RawError::Io(path.clone(), e))?;
                Ok(out)
            }
            SourceKind::File {
                path,
                gzip: true,
                len,
                modified,
            } => {
                let data = self.inflated(raw.source, path, *len, *modified)?;
                let start = usize::try_from(raw.offset).map_err(|_| RawError::OutOfRange)?;
                data.get(start..start + raw.len as usize)
                    .map(<[u8]>::to_vec)
                    .ok_or(RawError::OutOfRange)
            }
        }
    }

    fn open(
        &mut self,
        source: u32,
        path: &Path,
        len: u64,
        modified: Option<std::time::SystemTime>,
    ) -> Result<&mut File, RawError> {
        if let Some(i) = self.files.iter().position(|(s, _)| *s == source) {
            return Ok(&mut self.files[i].1);
        }
        let file = File::open(path).map_err(|e| RawError::Io(path.to_path_buf(), e))?;
        check_unchanged(&file, path, len, modified)?;
        if self.files.len() >= OPEN_FILES {
            self.files.remove(0);
        }
        self.files.push((source, file));
        let last = self.files.len() - 1;
        Ok(&mut self.files[last].1)
    }

    fn inflated(
        &mut self,
        source: u32,
        path: &Path,
        len: u64,
        modified: Option<std::time::SystemTime>,
    ) -> Result<Arc<Vec<u8>>, RawError> {
        if let Some(i) = self.inflated.iter().position(|(s, _)| *s == source) {
            let entry = self.inflated.remove(i);
            let data = Arc::clone(&entry.1);
            self.inflated.push(entry);
            return Ok(data);
        }
        let mut file = File::open(path).map_err(|e| RawError::Io(path.to_path_buf(), e))?;
        check_unchanged(&file, path, len, modified)?;
        let mut compressed = Vec::new();
        file.read_to_end(&mut compressed)
            .map_err(|e| RawError::Io(path.to_path_buf(), e))?;
        let data = Arc::new(inflate(&compressed).0);
        if self.inflated.len() >= GZIP_CACHE {
            self.inflated.remove(0);
        }
        self.inflated.push((source, Arc::clone(&data)));
        Ok(data)
    }
}

fn check_unchanged(
    file: &File,
    path: &Path,
    len: u64,
    modified: Option<std::time::SystemTime>,
) -> Result<(), RawError> {
    let meta = file
        .metadata()
        .map_err(|e| RawError::Io(path.to_path_buf(), e))?;
    if meta.len() != len || meta.modified().ok() != modified {
        return Err(RawError::Changed(path.to_path_buf()));
    }
    Ok(())
}
