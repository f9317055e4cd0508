import Foundation
import Synchronization

/// Turns the first SIGINT or SIGTERM into a callback (e.g. cancelling `up`, which then
/// removes what it created) instead of killing the process mid-way. A second signal
/// ends the process the default way, for when the cleanup itself is stuck.
/// `@unchecked`: the only state is the immutable array of dispatch sources, which are
/// themselves thread-safe.
final class SignalTrap: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]

    init(_ signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable () -> Void) {
        let received = Mutex(false)
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let again = received.withLock { seen in
                    defer { seen = true }
                    return seen
                }
                if again {
                    signal(number, SIG_DFL)
                    raise(number)
                } else {
                    handler()
                }
            }
            source.resume()
            return source
        }
    }

    /// Restores the default dispositions.
    func cancel() {
        for source in sources {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
    }
}
