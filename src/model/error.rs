//! Why an operation was refused: the Win32/cluster error code where the real product has
//! one, and the message an administrator recognizes.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    /// The Win32 error code (`5016`), when the real tools report one.
    pub code: Option<u32>,
    pub message: String,
    /// What kind of failure (for error categories in the shell).
    pub kind: ErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    InvalidOperation,
    AccessDenied,
    Unavailable,
    InvalidArgument,
}

impl ModelError {
    pub fn win32(code: u32) -> ModelError {
        let (message, kind) = match code {
            5 => ("Access is denied.", ErrorKind::AccessDenied),
            53 => ("The network path was not found.", ErrorKind::NotFound),
            87 => ("The parameter is incorrect.", ErrorKind::InvalidArgument),
            // Service Control Manager errors, as `net start`/`net stop` print them.
            1056 => ("An instance of the service is already running.", ErrorKind::InvalidOperation),
            1058 => ("The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.", ErrorKind::InvalidOperation),
            1060 => ("The specified service does not exist as an installed service.", ErrorKind::NotFound),
            1062 => ("The service has not been started.", ErrorKind::InvalidOperation),
            5001 => ("The operation cannot be completed because other resources are dependent on this resource.", ErrorKind::InvalidOperation),
            5002 => ("The cluster resource dependency cannot be found.", ErrorKind::NotFound),
            5003 => ("The cluster resource cannot be made dependent on the specified resource because it is already dependent.", ErrorKind::InvalidOperation),
            5004 => ("The cluster resource is not online.", ErrorKind::InvalidOperation),
            5005 => ("A cluster node is not available for this operation.", ErrorKind::Unavailable),
            5007 => ("The cluster resource could not be found.", ErrorKind::NotFound),
            5009 => ("A cluster node cannot be evicted from the cluster unless the node is down or it is the last node.", ErrorKind::InvalidOperation),
            5010 => ("The object already exists.", ErrorKind::InvalidOperation),
            5013 => ("The cluster group could not be found.", ErrorKind::NotFound),
            5014 => ("The operation could not be completed because the cluster group is not online.", ErrorKind::InvalidOperation),
            5015 => ("The cluster node is not the owner of the resource.", ErrorKind::InvalidOperation),
            5016 => ("The cluster node is not the owner of the group, or the node is not a possible owner of the group.", ErrorKind::InvalidOperation),
            5019 => ("The operation could not be completed because the cluster resource is online.", ErrorKind::InvalidOperation),
            5020 => ("The cluster resource could not be deleted or brought offline because it is the quorum resource.", ErrorKind::InvalidOperation),
            5021 => ("The cluster resource could not be made the quorum resource because it is not capable of being a quorum resource.", ErrorKind::InvalidOperation),
            5023 => ("The group or resource is not in the correct state to perform the requested operation.", ErrorKind::InvalidOperation),
            5042 => ("The cluster node was not found.", ErrorKind::NotFound),
            5050 => ("The cluster node is down.", ErrorKind::Unavailable),
            5053 => ("The cluster join operation failed.", ErrorKind::InvalidOperation),
            5058 => ("The cluster node is not paused.", ErrorKind::InvalidOperation),
            5065 => ("The cluster node is already a member of the cluster.", ErrorKind::InvalidOperation),
            5070 => ("The cluster node is paused.", ErrorKind::InvalidOperation),
            1722 => ("The RPC server is unavailable.", ErrorKind::Unavailable),
            _ => ("The operation failed.", ErrorKind::InvalidOperation),
        };
        ModelError {
            code: Some(code),
            message: message.to_string(),
            kind,
        }
    }

    /// An error without a Win32 code.
    pub fn other(message: impl Into<String>, kind: ErrorKind) -> ModelError {
        ModelError {
            code: None,
            message: message.into(),
            kind,
        }
    }

    /// cluster.exe's rendering: `System error 5016 has occurred (0x00001398).` and the
    /// message on the next line.
    pub fn cluster_exe(&self) -> String {
        match self.code {
            Some(c) => format!(
                "System error {} has occurred (0x{:08x}).\n{}",
                c, c, self.message
            ),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ModelError {}

/// Why a lab file could not be loaded. Every variant names the place: the JSON path
/// (`clusters[0].groups[2].owner`) or the entity (`cluster 'CLUS1', group 'EVS1'`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LabError {
    /// Not JSON at all, or cut short (a truncated file).
    #[error("the lab file is not valid JSON: {message} at line {line} column {column}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the lab file has no schema_version")]
    MissingSchemaVersion,
    #[error("unknown schema_version {found} (this exsh reads version {supported})")]
    UnknownSchemaVersion { found: String, supported: u32 },
    /// Valid JSON that does not fit the schema (wrong type, missing or unknown field).
    #[error("the lab file does not match the schema at {path}: {message}")]
    Schema { path: String, message: String },
    /// Two entities of one kind share a name.
    #[error("{place}: duplicate {what} name '{name}'")]
    Duplicate {
        place: String,
        what: String,
        name: String,
    },
    /// A name that points at nothing (owner, dependency, cluster, account...).
    #[error("{place}: {message}")]
    Dangling { place: String, message: String },
    /// The state breaks a rule of the model (e.g. an online resource on a down node).
    #[error("the lab's state is inconsistent: {0}")]
    Inconsistent(String),
    /// `labs::builtin` with a name that is not built in.
    #[error("There is no built-in lab named '{name}'. The built-in labs are: {known}.")]
    UnknownLab { name: String, known: String },
}
