import KubeLintYAML

/// A file that could not be read or parsed (in whole or in part). Any of these makes the run
/// exit with status 2, while everything else is still checked.
public struct LoadDiagnostic: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The path does not exist, or cannot be opened or read.
        case unreadable
        /// A FIFO, socket or device found while walking a directory.
        case notRegularFile
        /// Larger than `LoadOptions.maxFileSize`.
        case tooLarge
        /// Contains NUL bytes: not a text file.
        case binary
        /// libyaml rejected the bytes or the syntax.
        case syntax
        /// A `YAMLLimits` bound was hit (depth, alias expansion).
        case limit
        /// A directory argument held no manifest files (.yaml, .yml, .json).
        case empty
    }

    public var kind: Kind
    public var file: String
    /// Where in the file; nil when the problem is the file as a whole.
    public var mark: Mark?
    public var message: String

    public init(kind: Kind, file: String, mark: Mark? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.mark = mark
        self.message = message
    }

    init(file: String, error: YAMLError) {
        switch error.kind {
        case .depthLimit, .nodeLimit:
            kind = .limit
        case .reader, .syntax, .undefinedAlias:
            kind = .syntax
        }
        self.file = file
        mark = error.mark
        var message = error.message
        if let context = error.context {
            message += " (\(context)"
            if let contextMark = error.contextMark { message += " at line \(contextMark.line), column \(contextMark.column)" }
            message += ")"
        }
        self.message = message
    }
}
