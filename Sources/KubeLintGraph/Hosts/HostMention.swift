import KubeLintModel

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
        // Read as bytes: every form read here is ASCII, and Character-by-Character reading
        // (grapheme breaking) was most of the cost of the reference graph.
        var mentions: [HostMention] = []
        for piece in Array(value.utf8).split(whereSeparator: isPieceSeparator) {
            if let url = url(in: piece) {
                mentions += url
                continue
            }
            guard role.holdsAddresses else { continue }
            for part in piece.split(separator: ASCII.comma) {
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

    /// Spaces, tabs, line ends and `;` separate the addresses of one value.
    private static func isPieceSeparator(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn || byte == ASCII.semicolon
    }

    /// What a variable's name says about its value.
    struct VariableRole {
        /// `host:port` values are addresses.
        var holdsAddresses: Bool
        /// A value with no port is a host to connect to.
        var holdsBareHost: Bool

        init(_ name: String) {
            // The last word of the name, after `_`, `-` or `.`, uppercased and packed into one
            // integer (the longest suffix is 8 letters): a variable's name is read for every
            // variable of every container, so nothing is allocated for it.
            var packed: UInt64 = 0
            var length = 0
            var separated = false
            for byte in name.utf8.reversed() {
                if byte == ASCII.underscore || byte == ASCII.hyphen || byte == ASCII.dot {
                    separated = true
                    break
                }
                length += 1
                guard length <= 8 else { break }
                packed |= UInt64(ASCII.uppercased(byte)) << (8 * UInt64(length - 1))
            }
            // A bare suffix (`HOST`, `ADDR`) is the process's own address, as often as not.
            guard separated, length > 0, length <= 8 else {
                (holdsBareHost, holdsAddresses) = (false, false)
                return
            }
            holdsBareHost = Self.bareHostSuffixes.contains(packed)
            holdsAddresses = Self.addressSuffixes.contains(packed)
        }

        /// A word of at most 8 ASCII letters as `init` packs it (its last letter in the low byte).
        static func packed(_ word: String) -> UInt64 {
            word.utf8.reversed().enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }

        static let bareHostSuffixes: Set<UInt64> = Set(["HOST", "ADDR", "ADDRESS"].map(packed))
        static let addressSuffixes: Set<UInt64> = Set(["HOST", "ADDR", "ADDRESS", "URL", "URI", "ENDPOINT", "SERVER", "SERVERS"].map(packed))
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
        guard let text = portOf(String(variable)), let number = portNumber(Array(text.utf8)[...]) else { return nil }
        return .paired(number, variable: String(variable))
    }

    /// The hosts of `text` if it is a URL (`scheme://authority/...`), else nil. A URL without a
    /// host (`unix:///run/docker.sock`, `file:///data`) names none.
    static func url(in text: ArraySlice<UInt8>) -> [HostMention]? {
        guard let separator = schemeSeparator(in: text) else { return nil }
        let scheme = text[..<separator]
        guard let first = scheme.first, ASCII.isLetter(first),
              scheme.allSatisfy({ ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.plus || $0 == ASCII.dot || $0 == ASCII.hyphen || $0 == ASCII.colon })
        else { return nil }
        var authority = text[(separator + 3)...]
        if let end = authority.firstIndex(where: { $0 == ASCII.slash || $0 == ASCII.question || $0 == ASCII.hash }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: ASCII.at) { authority = authority[(at + 1)...] }
        // `jdbc:postgresql://` is PostgreSQL's URL behind JDBC's prefix.
        let lastScheme = scheme.split(separator: ASCII.colon).last.map(ASCII.lowercased) ?? ""
        // `mongodb+srv://` looks its hosts up in DNS SRV records: no port to check.
        let defaultPort = lastScheme.contains("+srv") ? nil : schemeDefaultPorts[lastScheme]
        var mentions: [HostMention] = []
        for part in authority.split(separator: ASCII.comma) {
            guard let (host, port) = hostAndPort(part) else { continue }
            if let port {
                mentions.append(HostMention(host: host, port: .explicit(port)))
            } else {
                mentions.append(HostMention(host: host, port: defaultPort.map { Port.schemeDefault($0, scheme: lastScheme) }))
            }
        }
        return mentions
    }

    /// Where the first `://` of `text` starts.
    private static func schemeSeparator(in text: ArraySlice<UInt8>) -> Int? {
        var index = text.startIndex
        while index + 2 < text.endIndex {
            if text[index] == ASCII.colon, text[index + 1] == ASCII.slash, text[index + 2] == ASCII.slash { return index }
            index += 1
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
    static func hostAndPort(_ text: ArraySlice<UInt8>) -> (host: String, port: Int?)? {
        var host = text
        var port: Int?
        if let colon = text.lastIndex(of: ASCII.colon) {
            guard let number = portNumber(text[(colon + 1)...]) else { return nil }
            host = text[..<colon]
            port = number
        }
        guard !host.isEmpty, host.count <= 253,
              host.allSatisfy({ ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.hyphen || $0 == ASCII.dot }) else { return nil }
        return (ASCII.lowercased(host), port)
    }

    /// A TCP port number written in decimal, 1 to 65535.
    static func portNumber(_ text: ArraySlice<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(ASCII.isDigit) else { return nil }
        let number = text.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
        return (1...65535).contains(number) ? number : nil
    }
}

/// The punctuation host names and URLs are read by.
extension ASCII {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r"), semicolon = UInt8(ascii: ";"), comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")
    static let at = UInt8(ascii: "@"), plus = UInt8(ascii: "+"), dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
    static let zero = UInt8(ascii: "0"), underscore = UInt8(ascii: "_")

    /// The text of ASCII bytes, lowercased (DNS names and URL schemes are not case-sensitive).
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map(lowercased), as: UTF8.self)
    }
}
