/// One line of the engine's JSON progress streams (pull, build, import, push).
public struct ProgressMessage: Sendable, Hashable, Decodable {
    /// Build output (`Step 1/3 : FROM base`).
    public var stream: String?
    /// Pull/import status (`Downloading`, `Pull complete`, an imported image's id).
    public var status: String?
    /// The layer a status is about.
    public var id: String?
    /// A rendered progress bar.
    public var progress: String?
    public var progressDetail: ProgressDetail?
    /// Set when the operation failed; the stream then ends.
    public var error: String?
    public var errorDetail: ErrorDetail?
    /// The built image's id, from a build's `{"aux":{"ID":"sha256:..."}}`.
    public var auxID: String?

    public init(
        stream: String? = nil,
        status: String? = nil,
        id: String? = nil,
        progress: String? = nil,
        progressDetail: ProgressDetail? = nil,
        error: String? = nil,
        errorDetail: ErrorDetail? = nil,
        auxID: String? = nil
    ) {
        self.stream = stream
        self.status = status
        self.id = id
        self.progress = progress
        self.progressDetail = progressDetail
        self.error = error
        self.errorDetail = errorDetail
        self.auxID = auxID
    }

    /// The failure this message reports, if any.
    public var errorMessage: String? {
        errorDetail?.message ?? error
    }

    public struct ProgressDetail: Sendable, Hashable, Decodable {
        public var current: Int64?
        public var total: Int64?

        public init(current: Int64? = nil, total: Int64? = nil) {
            self.current = current
            self.total = total
        }
    }

    public struct ErrorDetail: Sendable, Hashable, Decodable {
        public var code: Int?
        public var message: String?

        public init(code: Int? = nil, message: String? = nil) {
            self.code = code
            self.message = message
        }
    }

    enum CodingKeys: String, CodingKey {
        case stream, status, id, progress, progressDetail, error, errorDetail, aux
    }

    private struct Aux: Decodable {
        var id: String?
        enum CodingKeys: String, CodingKey { case id = "ID" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stream = try container.decodeIfPresent(String.self, forKey: .stream)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        progress = try container.decodeIfPresent(String.self, forKey: .progress)
        progressDetail = try? container.decodeIfPresent(ProgressDetail.self, forKey: .progressDetail)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        errorDetail = try? container.decodeIfPresent(ErrorDetail.self, forKey: .errorDetail)
        // `aux` carries different shapes in different streams; only the image id matters.
        auxID = (try? container.decodeIfPresent(Aux.self, forKey: .aux))?.id
    }
}
