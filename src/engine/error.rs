//! Error records (what `$Error` holds and `catch` sees) and the control-flow signal that
//! carries terminating errors, `break`, `return`, `exit` and pipeline stops up the stack.

use std::rc::Rc;

use crate::engine::value::Value;
use crate::lang::ast::Span;
use crate::lang::source::Source;

/// PowerShell's ErrorCategory (the subset exsh reports).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCategory {
    NotSpecified,
    InvalidArgument,
    InvalidOperation,
    InvalidData,
    InvalidType,
    ObjectNotFound,
    ResourceUnavailable,
    PermissionDenied,
    ParserError,
    OperationStopped,
    WriteError,
    OpenError,
    ReadError,
    SyntaxError,
    NotImplemented,
    DeviceError,
    ConnectionError,
    LimitsExceeded,
    ResourceExists,
    ResourceBusy,
    NotInstalled,
    OperationTimeout,
}

impl ErrorCategory {
    pub fn name(self) -> &'static str {
        match self {
            ErrorCategory::NotSpecified => "NotSpecified",
            ErrorCategory::InvalidArgument => "InvalidArgument",
            ErrorCategory::InvalidOperation => "InvalidOperation",
            ErrorCategory::InvalidData => "InvalidData",
            ErrorCategory::InvalidType => "InvalidType",
            ErrorCategory::ObjectNotFound => "ObjectNotFound",
            ErrorCategory::ResourceUnavailable => "ResourceUnavailable",
            ErrorCategory::PermissionDenied => "PermissionDenied",
            ErrorCategory::ParserError => "ParserError",
            ErrorCategory::OperationStopped => "OperationStopped",
            ErrorCategory::WriteError => "WriteError",
            ErrorCategory::OpenError => "OpenError",
            ErrorCategory::ReadError => "ReadError",
            ErrorCategory::SyntaxError => "SyntaxError",
            ErrorCategory::NotImplemented => "NotImplemented",
            ErrorCategory::DeviceError => "DeviceError",
            ErrorCategory::ConnectionError => "ConnectionError",
            ErrorCategory::LimitsExceeded => "LimitsExceeded",
            ErrorCategory::ResourceExists => "ResourceExists",
            ErrorCategory::ResourceBusy => "ResourceBusy",
            ErrorCategory::NotInstalled => "NotInstalled",
            ErrorCategory::OperationTimeout => "OperationTimeout",
        }
    }
}

/// Where an error happened in a script, for the `Line |` excerpt.
#[derive(Clone, Debug)]
pub struct Position {
    pub source: Rc<Source>,
    pub span: Span,
}

/// An error record: message, ids, category, and where it happened.
#[derive(Clone, Debug)]
pub struct ErrorRecord {
    pub message: String,
    /// The .NET exception type name (e.g. `RuntimeException`, `DivideByZeroException`).
    pub exception_type: String,
    pub fully_qualified_error_id: String,
    pub category: ErrorCategory,
    /// The command that raised it (`Get-Item`), if any: the concise view's prefix.
    pub command: Option<String>,
    pub target: Option<Value>,
    pub position: Option<Position>,
    /// The object thrown with `throw $obj` when it was not a string.
    pub thrown: Option<Value>,
    /// True for parse errors (rendered with the excerpt even without a script name).
    pub is_parse_error: bool,
    /// `throw` and -ErrorAction Stop: the error ends the script unless caught, rather than
    /// only the statement it happened in.
    pub script_terminating: bool,
}

impl ErrorRecord {
    pub fn new(message: impl Into<String>, id: &str, category: ErrorCategory) -> ErrorRecord {
        let message = message.into();
        // .NET exceptions thrown by a method surface as MethodInvocationException.
        let exception_type = if message.starts_with("Exception calling \"") {
            "MethodInvocationException"
        } else {
            "RuntimeException"
        };
        ErrorRecord {
            message,
            exception_type: exception_type.into(),
            fully_qualified_error_id: id.to_string(),
            category,
            command: None,
            target: None,
            position: None,
            thrown: None,
            is_parse_error: false,
            script_terminating: false,
        }
    }

    /// A runtime error of the given .NET exception type.
    pub fn runtime(message: impl Into<String>, exception_type: &str, id: &str) -> ErrorRecord {
        let mut e = ErrorRecord::new(message, id, ErrorCategory::NotSpecified);
        e.exception_type = exception_type.to_string();
        e
    }

    pub fn with_command(mut self, command: &str) -> ErrorRecord {
        self.command = Some(command.to_string());
        if !self.fully_qualified_error_id.contains(',') {
            self.fully_qualified_error_id =
                format!("{},{}", self.fully_qualified_error_id, command);
        }
        self
    }

    pub fn with_position(mut self, source: &Rc<Source>, span: Span) -> ErrorRecord {
        if self.position.is_none() {
            self.position = Some(Position {
                source: source.clone(),
                span,
            });
        }
        self
    }

    pub fn with_category(mut self, category: ErrorCategory) -> ErrorRecord {
        self.category = category;
        self
    }

    pub fn with_target(mut self, target: Value) -> ErrorRecord {
        self.target = Some(target);
        self
    }
}

/// How control leaves a statement other than by finishing normally.
#[derive(Clone, Debug)]
pub enum Flow {
    /// A terminating error.
    Error(Rc<ErrorRecord>),
    Break(Option<Rc<str>>),
    Continue(Option<Rc<str>>),
    Return,
    Exit(i32),
    /// A downstream command (e.g. `Select-Object -First`) needs no more input; the
    /// pipeline with this id stops its upstream commands.
    StopUpstream(u64),
    /// Ctrl-C: the running pipeline is cancelled.
    Interrupted,
}

impl Flow {
    pub fn error(e: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(e))
    }
}

impl From<ErrorRecord> for Flow {
    fn from(e: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(e))
    }
}

pub type FlowResult<T> = Result<T, Flow>;
