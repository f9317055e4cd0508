/// The known keys closest to a misspelt one: "did you mean dfs.replication?".
public enum KeySuggestions {
    /// Up to `limit` keys within a small edit distance of `key` (insertions, deletions,
    /// substitutions and swaps of neighbours), closest first, ties by name.
    public static func closest(to key: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let typed = Array(key.lowercased().utf8)
        // A typo or two in a short key, a few more in a long one.
        let allowed = max(2, typed.count / 6)
        var scored: [(distance: Int, key: String)] = []
        for candidate in candidates {
            let bytes = Array(candidate.lowercased().utf8)
            guard abs(bytes.count - typed.count) <= allowed else { continue }
            let distance = Self.distance(typed, bytes, limit: allowed)
            if distance <= allowed { scored.append((distance, candidate)) }
        }
        return scored.sorted { ($0.distance, $0.key) < ($1.distance, $1.key) }.prefix(limit).map(\.key)
    }

    /// Optimal string alignment distance, giving up (returning `limit + 1`) once every
    /// alignment of a row exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
