/// Why a ZIP file or one of its members could not be read. `description` is one
/// readable line naming the file or member.
public enum ZipError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file itself could not be read (missing, a directory, no permission).
    case unreadableFile(path: String, reason: String)
    /// No end-of-central-directory record at the end: not a ZIP file, or one cut short.
    case notAZipFile
    /// The archive's own records contradict themselves or point outside the file.
    case malformedArchive(reason: String)
    /// A ZIP feature this reader does not implement (archives split over several disks).
    case unsupportedArchive(reason: String)
    /// The member is encrypted (general-purpose flag bit 0).
    case encryptedMember(path: String)
    /// The member is compressed with something other than stored (0) or DEFLATE (8).
    case unsupportedMethod(path: String, method: UInt16)
    /// The member's local header or data is damaged: bad DEFLATE data, wrong size, wrong CRC-32.
    case corruptMember(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .notAZipFile: "not a ZIP file: no end-of-central-directory record"
        case .malformedArchive(let reason): "corrupt ZIP file: \(reason)"
        case .unsupportedArchive(let reason): "unsupported ZIP file: \(reason)"
        case .encryptedMember(let path): "member \(path) is encrypted, which hind cannot read"
        case .unsupportedMethod(let path, let method):
            "member \(path) uses compression method \(method), which hind cannot read"
        case .corruptMember(let path, let reason): "member \(path) is corrupt: \(reason)"
        }
    }
}
