/// An image reference as Docker reads it: `[registry[:port]/]path[:tag][@digest]`.
///
/// The one parser of references in hind: the profile guessed from a reference and the
/// pull request both come from it.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// Everything before the tag and digest: `registry:5000/team/hadoop`.
    public var repository: String
    public var tag: String?
    /// `sha256:…` when the reference pins a digest.
    public var digest: String?

    /// Checks the characters and shape Docker accepts, then splits the reference.
    public init(parsing text: String) throws(SpecError) {
        let allowed = { (c: Character) in
            c.isASCII && (c.isLetter || c.isNumber || "./:_-@".contains(c))
        }
        guard !text.isEmpty, text.count <= 255, text.allSatisfy(allowed),
              !text.hasPrefix("-"), !text.hasSuffix(":"), !text.hasSuffix("/"), !text.hasSuffix("@")
        else { throw .invalidImageReference(text) }
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
            guard digest?.contains(":") == true, !rest.isEmpty else { throw .invalidImageReference(text) }
        }
        // A colon after the last slash starts the tag; one before it is a registry's port.
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        guard !rest.isEmpty, !rest.hasSuffix("/") else { throw .invalidImageReference(text) }
        repository = String(rest)
    }

    /// The last path component: `hadoop` for `apache/hadoop:3.4.1`.
    public var name: Substring { repository.split(separator: "/").last ?? Substring(repository) }

    /// What the engine's pull takes as its `tag`: the digest when pinned, else the tag,
    /// else `latest` (an empty tag would pull every tag).
    public var pullTag: String { digest ?? tag ?? "latest" }

    public var description: String {
        repository + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }
}
