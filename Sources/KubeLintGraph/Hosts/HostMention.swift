/// A host, and maybe a port, that a configuration value names: what `HostMention.find` reads
/// from one environment variable. Only forms that say "this is where to connect" are read:
///
/// - a URL, in any variable: `redis://broker:6379/0`, `postgres://user@rdms:5432/db`,
///   `jdbc:postgresql://rdms/db`, several hosts in one authority (`mongodb://a:27017,b:27017`);
///   its port, else the scheme's well-known port (`http://api/health` is port 80);
/// - `host:port`, and lists of them, in a variable whose name says it holds an address
///   (`*_HOST`, `*_ADDR`, `*_ADDRESS`, `*_URL`, `*_URI`, `*_ENDPOINT`, `*_SERVER`, `*_SERVERS`);
/// - a bare host in `*_HOST`, `*_ADDR`, `*_ADDRESS`, with its port from `*_PORT` of the same
///   prefix when the environment has one (`DATABASE_HOST` with `DATABASE_PORT`).
///
/// Left alone: values with expansions or templates (`$(POD_IP)`, `${HOST}`, `{{ .host }}`),
/// variables a server listens or binds on (`*LISTEN*`, `*BIND*`), lists of names a server
/// answers to (`ALLOWED_HOSTS`), and whatever is not a host name. Whether a name is a Service
/// is `ServiceHost`'s question.
public struct HostMention: Sendable, Equatable {
    public enum Port: Sendable, Equatable {
        /// Written with the host (`broker:6379`).
        case explicit(Int)
        /// The scheme's well-known port (`http://api` is port 80).
        case schemeDefault(Int, scheme: String)
        /// From the `*_PORT` variable of the same prefix, named here.
        case paired(Int, variable: String)

        public var number: Int {
            switch self {
            case .explicit(let number), .schemeDefault(let number, _), .paired(let number, _): number
            }
        }
    }

    /// As written, lowercased (DNS names are not case-sensitive).
    public var host: String
    public var port: Port?

    public init(host: String, port: Port?) {
        self.host = host
        self.port = port
    }

    /// The hosts `value` of the variable `name` names. `portOf` gives the value of another
    /// variable of the same environment (`*_PORT` for a bare `*_HOST`).
    public static func find(in value: String, variable name: String, portOf: (String) -> String?) -> [HostMention] {
        // Most values are neither a URL nor in a variable named for an address: ruled out by
        // a scan of their bytes and the suffix of the name, before anything is allocated.
        guard !value.isEmpty else { return [] }
        let role = VariableRole(name)
        guard role.holdsAddresses || containsSchemeSeparator(value), !hasExpansion(value), !isExcluded(name) else { return [] }
        var mentions: [HostMention] = []
        for piece in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == ";" }) {
            if let url = url(in: piece) {
                mentions += url
                continue
            }
            guard role.holdsAddresses else { continue }
            for part in piece.split(separator: ",") {
                guard let (host, port) = hostAndPort(part) else { continue }
                if let port {
                    mentions.append(HostMention(host: host, port: .explicit(port)))
                } else if role.holdsBareHost {
                    mentions.append(HostMention(host: host, port: pairedPort(of: name, portOf: portOf)))
                }
            }
        }
        return mentions
    }

    /// What a variable's name says about its value.
    struct VariableRole {
        /// `host:port` values are addresses.
        var holdsAddresses: Bool
        /// A value with no port is a host to connect to.
        var holdsBareHost: Bool

        init(_ name: String) {
            let bytes = name.utf8
            // The last word of the name, after `_`, `-` or `.`; the longest suffix is 8 letters.
            let start = bytes.lastIndex { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            let suffixBytes = start.map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
            // A bare suffix (`HOST`, `ADDR`) is the process's own address, as often as not.
            guard start != nil, !suffixBytes.isEmpty, suffixBytes.count <= 8 else {
                (holdsBareHost, holdsAddresses) = (false, false)
                return
            }
            let suffix = String(decoding: suffixBytes.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
            holdsBareHost = Self.bareHostSuffixes.contains(suffix)
            holdsAddresses = Self.addressSuffixes.contains(suffix)
        }

        static let bareHostSuffixes: Set<String> = ["HOST", "ADDR", "ADDRESS"]
        static let addressSuffixes: Set<String> = ["HOST", "ADDR", "ADDRESS", "URL", "URI", "ENDPOINT", "SERVER", "SERVERS"]
    }

    /// Whether `value` holds `://`, as every URL with a host does.
    static func containsSchemeSeparator(_ value: String) -> Bool {
        var state = 0
        for byte in value.utf8 {
            switch (state, byte) {
            case (_, UInt8(ascii: ":")): state = 1
            case (1, UInt8(ascii: "/")): state = 2
            case (2, UInt8(ascii: "/")): return true
            default: state = 0
            }
        }
        return false
    }

    /// `$(VAR)` (Kubernetes' own expansion), `${VAR}`, `$VAR`, `{{ }}`, `%(var)s`: the host is
    /// only known once the value is expanded.
    static func hasExpansion(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: "$") { return true }
            if (previous, byte) == (UInt8(ascii: "{"), UInt8(ascii: "{")) || (previous, byte) == (UInt8(ascii: "%"), UInt8(ascii: "(")) { return true }
            previous = byte
        }
        return false
    }

    /// Variables whose hosts are the process's own (where it listens, what it answers to), not
    /// where it connects.
    static func isExcluded(_ name: String) -> Bool {
        let upper = name.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
        return excludedWords.contains { word in
            upper.count >= word.count && (0...(upper.count - word.count)).contains { start in upper[start..<(start + word.count)].elementsEqual(word) }
        }
    }

    private static let excludedWords: [[UInt8]] = ["LISTEN", "BIND", "ALLOWED", "TRUSTED", "NO_PROXY", "ADVERTISE", "CORS", "ORIGIN"].map { Array($0.utf8) }

    /// The port of a bare `PREFIX_HOST`: the value of `PREFIX_PORT`, when it is a port number.
    private static func pairedPort(of name: String, portOf: (String) -> String?) -> Port? {
        guard let separator = name.lastIndex(where: { $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
        let suffix = name[name.index(after: separator)...]
        let casing = suffix == suffix.lowercased() ? "port" : "PORT"
        let variable = name[...separator] + casing
        guard let text = portOf(String(variable)), let number = portNumber(text[...]) else { return nil }
        return .paired(number, variable: String(variable))
    }

    /// The hosts of `text` if it is a URL (`scheme://authority/...`), else nil. A URL without a
    /// host (`unix:///run/docker.sock`, `file:///data`) names none.
    static func url(in text: Substring) -> [HostMention]? {
        guard let separator = schemeSeparator(in: text) else { return nil }
        let scheme = text[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-:".contains($0)) }) else { return nil }
        var authority = text[separator.upperBound...]
        if let end = authority.firstIndex(where: { "/?#".contains($0) }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        // `jdbc:postgresql://` is PostgreSQL's URL behind JDBC's prefix.
        let lastScheme = scheme.split(separator: ":").last.map { $0.lowercased() } ?? ""
        // `mongodb+srv://` looks its hosts up in DNS SRV records: no port to check.
        let defaultPort = lastScheme.contains("+srv") ? nil : schemeDefaultPorts[lastScheme]
        var mentions: [HostMention] = []
        for part in authority.split(separator: ",") {
            guard let (host, port) = hostAndPort(part) else { continue }
            if let port {
                mentions.append(HostMention(host: host, port: .explicit(port)))
            } else {
                mentions.append(HostMention(host: host, port: defaultPort.map { Port.schemeDefault($0, scheme: lastScheme) }))
            }
        }
        return mentions
    }

    /// Where `://` is in `text`.
    private static func schemeSeparator(in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let rest = text[text.index(after: colon)...]
            if rest.hasPrefix("//") { return colon..<text.index(colon, offsetBy: 3) }
            index = text.index(after: colon)
        }
        return nil
    }

    /// The well-known ports of the schemes clients commonly take a URL for.
    static let schemeDefaultPorts: [String: Int] = [
        "http": 80, "https": 443, "ws": 80, "wss": 443,
        "redis": 6379, "rediss": 6379, "postgres": 5432, "postgresql": 5432, "mysql": 3306, "mariadb": 3306,
        "mongodb": 27017, "amqp": 5672, "amqps": 5671, "nats": 4222, "mqtt": 1883, "memcached": 11211,
        "ldap": 389, "ldaps": 636, "sqlserver": 1433,
    ]

    /// `host` or `host:port`, when `text` is a host name with at most a port number; nil for
    /// anything else (an IPv6 literal, a path, a word with other characters).
    static func hostAndPort(_ text: Substring) -> (host: String, port: Int?)? {
        var host = text
        var port: Int?
        if let colon = text.lastIndex(of: ":") {
            guard let number = portNumber(text[text.index(after: colon)...]) else { return nil }
            host = text[..<colon]
            port = number
        }
        guard !host.isEmpty, host.utf8.count <= 253,
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        return (host.lowercased(), port)
    }

    /// A TCP port number written in decimal, 1 to 65535.
    static func portNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text),
              (1...65535).contains(number) else { return nil }
        return number
    }
}
