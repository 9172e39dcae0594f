//! The crate's one error type.
//!
//! Only reading input and loading dictionaries can fail; the analysis stages themselves take a
//! valid [`Article`](crate::Article) and return plain values. Every message names its source
//! (a file path, `builtin:people.tsv` or `<stdin>`) and, where there is one, the line.

use std::fmt;
use std::path::PathBuf;

/// A specialised `Result` for newsgraph.
pub type Result<T> = std::result::Result<T, Error>;

/// An error from reading articles or dictionaries.
///
/// The type is opaque; [`Error::kind`] tells what went wrong.
///
/// # Example
/// ```
/// let err = newsgraph::Dictionary::from_reader("my.tsv", "id\tname\n".as_bytes()).unwrap_err();
/// assert!(err.to_string().starts_with("my.tsv:1:"));
/// ```
pub struct Error(Box<ErrorKind>);

/// What went wrong, with where.
#[non_exhaustive]
#[derive(Debug)]
pub enum ErrorKind {
    /// A file could not be opened or read.
    Io {
        /// The path that failed (`-` for standard input).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A dictionary or lexicon row is malformed.
    Dictionary {
        /// File name, or `builtin:NAME` for an embedded file.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong, quoting the bad value.
        message: String,
    },
    /// An input article is malformed (bad UTF-8, a bad JSON line, …).
    Input {
        /// File name or `<stdin>`.
        source_name: String,
        /// 1-based line number, where the input is line-oriented.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// Writing an export failed (a full disk, a closed pipe).
    Output {
        /// What was being written (`edges.csv`, `DOT`).
        what: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Unwraps the kind.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error(Box::new(ErrorKind::Io {
            path: path.into(),
            source,
        }))
    }

    pub(crate) fn dictionary(source_name: &str, line: usize, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Dictionary {
            source_name: source_name.to_string(),
            line,
            message: message.into(),
        }))
    }

    pub(crate) fn input(
        source_name: &str,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Error {
        Error(Box::new(ErrorKind::Input {
            source_name: source_name.to_string(),
            line,
            message: message.into(),
        }))
    }
}

impl Error {
    pub(crate) fn output(what: &str, source: std::io::Error) -> Error {
        Error(Box::new(ErrorKind::Output {
            what: what.to_string(),
            source,
        }))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            ErrorKind::Dictionary {
                source_name,
                line,
                message,
            } => write!(f, "{source_name}:{line}: {message}"),
            ErrorKind::Input {
                source_name,
                line: Some(line),
                message,
            } => write!(f, "{source_name}:{line}: {message}"),
            ErrorKind::Input {
                source_name,
                line: None,
                message,
            } => write!(f, "{source_name}: {message}"),
            ErrorKind::Output { what, source } => write!(f, "cannot write {what}: {source}"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug shows the readable message first: it is what `unwrap` and `?` in main print.
        write!(f, "{self} ({:?})", self.0)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io { source, .. } | ErrorKind::Output { source, .. } => Some(source),
            _ => None,
        }
    }
}
