extension KeyedDecodingContainer {
    /// The value for `key`, or `fallback` when the key is missing or `null` — the engine
    /// sends `null` for many empty lists and maps (`"Labels": null`).
    func decode<Value: Decodable>(_ key: Key, or fallback: Value) throws -> Value {
        try decodeIfPresent(Value.self, forKey: key) ?? fallback
    }
}

extension Duration {
    /// Nanoseconds, the unit of the engine's health check durations.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
