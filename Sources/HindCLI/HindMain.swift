import ArgumentParser
import Foundation
import HindCluster

/// The process entry point, kept here so the executable target stays a one-liner.
///
/// Exit codes: 0 success, 1 a failure at run time (engine, cluster not ready …),
/// 2 bad input (flags, names, values): the one line printed says what to change.
public enum HindMain {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let command: any ParsableCommand
        do {
            command = try HindCommand.parseAsRoot(arguments)
        } catch {
            exit(reportParseError(error))
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
            exit(0)
        } catch {
            exit(reportRunError(error))
        }
    }

    /// Errors from parsing and `validate()`: bad input, except `--help` and `--version`.
    static func reportParseError(_ error: any Error) -> Int32 {
        if HindCommand.exitCode(for: error) == .success {
            print(HindCommand.fullMessage(for: error))
            return 0
        }
        printError(HindCommand.message(for: error))
        return ExitStatus.badInput
    }

    static func reportRunError(_ error: any Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        if let error = error as? any UserFacingError {
            printError(error.description)
            return error.exitCode
        }
        // `hind --help` arrives here too: ArgumentParser runs its help command.
        if HindCommand.exitCode(for: error) == .success {
            print(HindCommand.fullMessage(for: error))
            return 0
        }
        // A file error no command wrapped: still one line naming the path.
        let nsError = error as NSError
        if let path = nsError.userInfo[NSFilePathErrorKey] as? String, HostFileError.errno(of: error) != nil {
            let fileError = HostFileError(error, action: "use", path: path, fix: "check the path and its permissions")
            printError(fileError.description)
            return fileError.exitCode
        }
        printError(String(describing: error))
        return ExitStatus.failure
    }

    /// One line on standard error, `error: …`.
    static func printError(_ message: String) {
        var text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        text = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }
}
