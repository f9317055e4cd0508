import Foundation
import HindProvisioner

/// kind-style step lines on standard error: ` ✓ Starting nodes 0.3s`. On a terminal the
/// running step shows a spinner; elsewhere (CI logs, pipes) only the final lines appear.
final class ProgressPrinter: ProgressReporter, @unchecked Sendable {
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    private let lock = NSLock()
    private let isTerminal: Bool
    private var current: String?
    private var frame = 0
    private var timer: DispatchSourceTimer?

    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.isTerminal = isTerminal
    }

    func stepStarted(_ title: String) {
        lock.lock(); defer { lock.unlock() }
        current = title
        guard isTerminal else { return }
        draw()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock(); defer { self.lock.unlock() }
            self.frame += 1
            self.draw()
        }
        timer.resume()
        self.timer = timer
    }

    func stepEnded(_ title: String, detail: String?, seconds: Double, succeeded: Bool) {
        lock.lock(); defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        current = nil
        let mark = succeeded ? "✓" : "✗"
        write("\(isTerminal ? "\r\u{1B}[2K" : "") \(mark) \(detail ?? title) \(String(format: "%.1fs", seconds))\n")
    }

    func note(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        write("\(isTerminal ? "\r\u{1B}[2K" : "") • \(message)\n")
        if current != nil { draw() }
    }

    /// Must hold `lock`.
    private func draw() {
        guard isTerminal, let current else { return }
        write("\r\u{1B}[2K \(Self.frames[frame % Self.frames.count]) \(current)")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
