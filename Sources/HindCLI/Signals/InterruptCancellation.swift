import Synchronization

/// Runs `body` in a task that the first SIGINT or SIGTERM cancels (a second one ends the
/// process, see ``SignalTrap``): `up` then removes what it created before it exits.
func withInterruptCancellation<Result: Sendable>(
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    let work = Mutex<Task<Result, any Error>?>(nil)
    // The trap is set before the work starts, so no signal slips between the two.
    let trap = SignalTrap { work.withLock { $0?.cancel() } }
    defer { trap.cancel() }
    let task = Task { try await body() }
    work.withLock { $0 = task }
    return try await task.value
}
