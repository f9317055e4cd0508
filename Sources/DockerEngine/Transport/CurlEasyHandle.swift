import CCurl

/// A libcurl easy handle with typed option setters.
///
/// Not thread-safe (libcurl handles never are): each handle is owned by one
/// ``TransferThreadPool`` worker and only used on that worker's thread. Reusing the
/// handle across requests (after `curl_easy_reset`) keeps its connection cache, so
/// sequential requests to the engine share one keep-alive connection.
final class CurlEasyHandle {
    struct SetOptionError: Error {
        var option: CURLoption
        var code: CURLcode
    }

    let raw: UnsafeMutableRawPointer

    init() {
        CurlGlobal.ensureInitialized()
        guard let raw = curl_easy_init() else {
            fatalError("curl_easy_init failed: libcurl could not allocate a handle")
        }
        self.raw = raw
    }

    deinit {
        curl_easy_cleanup(raw)
    }

    /// Forgets every option but keeps live connections for reuse.
    func reset() {
        curl_easy_reset(raw)
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(option, ccurl_setopt_long(raw, option, value))
    }

    func set(_ option: CURLoption, _ value: Bool) throws {
        try set(option, value ? 1 : 0)
    }

    func set(_ option: CURLoption, offset value: Int64) throws {
        try check(option, ccurl_setopt_off_t(raw, option, curl_off_t(value)))
    }

    func set(_ option: CURLoption, _ value: String) throws {
        try check(option, ccurl_setopt_string(raw, option, value))
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws {
        try check(option, ccurl_setopt_pointer(raw, option, value))
    }

    func set(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?) throws {
        try check(option, ccurl_setopt_slist(raw, option, value))
    }

    func longInfo(_ info: CURLINFO) -> Int {
        var value = 0
        return ccurl_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    private func check(_ option: CURLoption, _ code: CURLcode) throws {
        guard code == CURLE_OK else { throw SetOptionError(option: option, code: code) }
    }
}

/// `curl_global_init` must run once, before any handle exists, and is not thread-safe
/// on old libcurl versions: a Swift global's lazy initialisation runs it exactly once.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(ccurl_global_default) == CURLE_OK
    }()

    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}
