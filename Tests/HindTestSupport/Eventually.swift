/// Calls `probe` every `interval` until `done` holds for its answer or `attempts` run out;
/// returns the last answer, for the test to assert on. A bound for a machine busy with
/// other work, never a timing the test depends on.
public func eventually<Answer>(
    attempts: Int = 120, every interval: Duration = .seconds(1),
    _ probe: () async throws -> Answer, until done: (Answer) -> Bool
) async throws -> Answer {
    var answer = try await probe()
    for _ in 1..<max(attempts, 1) where !done(answer) {
        try await Task.sleep(for: interval)
        answer = try await probe()
    }
    return answer
}
