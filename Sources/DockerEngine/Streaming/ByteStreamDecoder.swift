/// An incremental decoder: fed a byte stream in arbitrary chunks, it returns the
/// complete items each chunk finishes, keeping any partial item for the next chunk.
protocol ByteStreamDecoder: Sendable {
    associatedtype Item: Sendable

    /// Items completed by `bytes`.
    mutating func decode(_ bytes: some Collection<UInt8>) throws -> [Item]

    /// Items still held at the end of the stream; throws if a partial item is left.
    mutating func finish() throws -> [Item]
}

extension AsyncThrowingStream where Failure == any Error {
    /// The items `decoder` makes of a stream of byte chunks, decoded as they are pulled.
    ///
    /// No task pumps the stream: each `next()` runs in the consumer's task, so
    /// cancelling that task (or dropping the stream) cancels the underlying transfer.
    static func decoding<Decoder: ByteStreamDecoder>(
        _ chunks: AsyncThrowingStream<[UInt8], any Error>,
        with decoder: Decoder
    ) -> AsyncThrowingStream<Element, any Error> where Decoder.Item == Element {
        let state = DecodingState(chunks: chunks, decoder: decoder)
        return AsyncThrowingStream { try await state.next() }
    }

    /// Maps each element (`nil` skips it), where `transform` may throw to end the
    /// stream with an error; errors of `source` pass through `mapError`.
    static func mapping<Source: Sendable>(
        _ source: AsyncThrowingStream<Source, any Error>,
        mapError: @escaping @Sendable (any Error) -> any Error = { $0 },
        _ transform: @escaping @Sendable (Source) throws -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        let state = MappingState(source: source, transform: transform, mapError: mapError)
        return AsyncThrowingStream { try await state.next() }
    }
}

/// Iteration state behind `decoding(_:with:)`. `AsyncThrowingStream(unfolding:)` never
/// calls its closure concurrently, which is what makes the unchecked conformance sound.
private final class DecodingState<Decoder: ByteStreamDecoder>: @unchecked Sendable {
    private var chunks: AsyncThrowingStream<[UInt8], any Error>.Iterator
    private var decoder: Decoder
    private var pending: [Decoder.Item] = []
    private var pendingIndex = 0
    private var ended = false

    init(chunks: AsyncThrowingStream<[UInt8], any Error>, decoder: Decoder) {
        self.chunks = chunks.makeAsyncIterator()
        self.decoder = decoder
    }

    func next() async throws -> Decoder.Item? {
        while pendingIndex == pending.count {
            guard !ended else { return nil }
            pendingIndex = 0
            if let chunk = try await chunks.next() {
                pending = try decoder.decode(chunk)
            } else {
                ended = true
                pending = try decoder.finish()
            }
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }
}

private final class MappingState<Source: Sendable, Element>: @unchecked Sendable {
    private var source: AsyncThrowingStream<Source, any Error>.Iterator
    private let transform: @Sendable (Source) throws -> Element?
    private let mapError: @Sendable (any Error) -> any Error

    init(
        source: AsyncThrowingStream<Source, any Error>,
        transform: @escaping @Sendable (Source) throws -> Element?,
        mapError: @escaping @Sendable (any Error) -> any Error
    ) {
        self.source = source.makeAsyncIterator()
        self.transform = transform
        self.mapError = mapError
    }

    func next() async throws -> Element? {
        while true {
            let item: Source?
            do {
                item = try await source.next()
            } catch {
                throw mapError(error)
            }
            guard let item else { return nil }
            if let element = try transform(item) { return element }
        }
    }
}
