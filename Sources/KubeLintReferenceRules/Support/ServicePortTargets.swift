import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

/// How the ports of a Service meet the containers of the pods it selects. Shared by
/// `service-target-port` (a target port no selected container has) and
/// `service-target-port-undeclared` (a target port a container uses without declaring it), so
/// that each port gets at most one of the two.
///
/// Nothing is judged when the Service selects nothing, when a selected object has no pod spec
/// (its pods could listen anywhere), or when pods declared external may be selected (their
/// containers are unknown); a numeric target port is judged only when every selected object
/// declares container ports (Kubernetes does not require them).
struct ServicePortTargets {
    /// Where a container names a port number without declaring it.
    struct Mention {
        var container: String
        /// "args", "command", "env PORT", "readinessProbe".
        var place: String
        /// The argument or value naming the port: as written, or the part around the port when
        /// it is long (a shell script).
        var text: String
        var mark: Mark
        var file: String
    }

    enum Problem {
        /// A named target port that no selected container names.
        case unknownName(String)
        /// A numeric target port that no selected container declares or names anywhere.
        case undeclaredNumber(Int)
        /// A numeric target port that no selected container declares, but that one names in its
        /// command, arguments, environment or probes: it most likely listens there.
        case mentionedNumber(Int, Mention)
    }

    struct Mismatch {
        var port: Service.Port
        /// The written `targetPort`, or `port` when `targetPort` is absent.
        var mark: Mark
        var problem: Problem

        /// A port the containers name without declaring it (service-target-port-undeclared's).
        var isMention: Bool {
            if case .mentionedNumber = problem { return true }
            return false
        }
    }

    /// What a rule that builds these reads.
    static let facts: [any Fact.Type] = [UnreadInputs.self]

    let declaredNames: Set<String>
    let declaredNumbers: Set<Int>
    let mismatches: [Mismatch]
    /// The selected objects, and the container ports each declares.
    private let runners: [Resource]
    private let portsPerRunner: [[ContainerPort]]

    init?(_ resource: Resource, context: LintContext) {
        guard case .service(let service) = resource.body, let selector = service.checkableSelector else { return nil }
        let namespace = context.index.namespace(of: resource)
        let runners = context.index.podRunners(matching: selector, namespace: namespace)
        let specs = runners.compactMap { $0.podTemplate?.spec }
        guard !runners.isEmpty, specs.count == runners.count else { return nil }
        guard !context.configuration.externalPodsExist(in: namespace, where: { selector.isSubset(of: $0) }) else { return nil }
        // Nor are those of pods a file that could not be parsed may run.
        guard context[UnreadInputs.self].file(mayRunPodsIn: namespace) == nil else { return nil }
        let portsPerRunner = specs.map { spec in spec.allContainers.flatMap(\.ports) }
        self.runners = runners
        self.portsPerRunner = portsPerRunner
        declaredNames = Set(portsPerRunner.joined().compactMap { $0.name?.value })
        declaredNumbers = Set(portsPerRunner.joined().compactMap { $0.containerPort?.value })
        let everyRunnerDeclaresPorts = portsPerRunner.allSatisfy { !$0.isEmpty }
        var mismatches: [Mismatch] = []
        for port in service.ports {
            guard let target = port.effectiveTargetPort, let mark = port.targetPort?.mark ?? port.port?.mark else { continue }
            switch target {
            case .string(let name) where !declaredNames.contains(name):
                mismatches.append(Mismatch(port: port, mark: mark, problem: .unknownName(name)))
            case .int(let number) where everyRunnerDeclaresPorts && !declaredNumbers.contains(number):
                let mention = zip(runners, specs).lazy.compactMap { runner, spec in
                    Self.mention(of: number, in: spec, file: runner.source.file)
                }.first
                mismatches.append(Mismatch(port: port, mark: mark, problem: mention.map { .mentionedNumber(number, $0) } ?? .undeclaredNumber(number)))
            default:
                break
            }
        }
        self.mismatches = mismatches
    }

    /// "Deployment web, StatefulSet db": the selected objects, for messages.
    var selected: String {
        runners.map { "\($0.kind?.value ?? "?") \($0.name ?? "?")" }.joined(separator: ", ")
    }

    /// The selected objects as the subject of `verb`: "it declares" for one, "they declare"
    /// for several.
    func theySelected(_ verb: String) -> String {
        runners.count == 1 ? "it \(verb)s" : "they \(verb)"
    }

    /// Where each selected object declares its container ports (or that it declares none), so
    /// that a port renamed in a workload is reported with the commit that renamed it.
    var related: [Finding.Related] {
        zip(runners, portsPerRunner).map { runner, ports in
            Finding.Related(
                location: FileLocation(file: runner.source.file, mark: ports.first?.mark ?? runner.nameMark),
                message: ports.isEmpty ? "\(runner.kindAndName) declares no container ports" : "\(runner.kindAndName) declares its container ports here"
            )
        }
    }

    /// "target port 8000" or, when the port is written as `targetPort: 0`, what that stands for.
    static func subject(_ number: Int, of port: Service.Port) -> String {
        guard port.targetPortIsZeroValue, let written = port.targetPort?.value else { return "target port \(number)" }
        let zero = written == .int(0) ? "0" : "\"\""
        return "target port \(number) (`targetPort: \(zero)` stands for the Service's port)"
    }

    /// The first place a container of `spec` names `number` as a port: its command, arguments,
    /// environment values (`--port=8443`, `--metrics-bind-address=:8443`, `0.0.0.0:8443`,
    /// `PORT=8443`), or the port of a probe.
    static func mention(of number: Int, in spec: PodSpec, file: String) -> Mention? {
        let digits = String(number)
        for container in spec.allContainers {
            let name = container.name?.value ?? "?"
            for (place, texts) in [("command", container.command), ("args", container.args)] {
                for text in texts {
                    guard let excerpt = portExcerpt(digits, in: text.value) else { continue }
                    return Mention(container: name, place: place, text: excerpt, mark: text.mark, file: file)
                }
            }
            for variable in container.env {
                guard let value = variable.value, let excerpt = portExcerpt(digits, in: value.value) else { continue }
                return Mention(container: name, place: "env \(variable.name?.value ?? "?")", text: excerpt, mark: value.mark, file: file)
            }
            let probes = [("livenessProbe", container.livenessProbe), ("readinessProbe", container.readinessProbe), ("startupProbe", container.startupProbe)]
            for (place, probe) in probes {
                if let port = probe?.port, port.value == .int(number) {
                    return Mention(container: name, place: place, text: digits, mark: port.mark, file: file)
                }
            }
        }
        return nil
    }

    /// `text` when it holds `digits` as a port, shortened around it when long; nil otherwise.
    static func portExcerpt(_ digits: String, in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let found = portRange(digits, in: bytes) else { return nil }
        let context = 30
        guard bytes.count > 2 * context + found.count else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        // Cut where a character starts (not at a UTF-8 continuation byte).
        func isContinuation(_ index: Int) -> Bool { index < bytes.count && bytes[index] & 0xC0 == 0x80 }
        var start = max(0, found.lowerBound - context)
        while isContinuation(start) { start -= 1 }
        var end = min(bytes.count, found.upperBound + context)
        while isContinuation(end) { end += 1 }
        let middle = String(decoding: bytes[start..<end], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (start > 0 ? "… " : "") + middle + (end < bytes.count ? " …" : "")
    }

    /// Where `text` holds `digits` as a port: the whole text, or after `:` `=` or a blank and
    /// before the end, a blank, `/` or `,` (`--port=8443`, `:8443`, `0.0.0.0:8443/metrics`,
    /// `--port 8443`), not inside another number or word (`18443`, `8443ms`, `v1.8443`).
    static func portRange(_ digits: String, in bytes: [UInt8]) -> Range<Int>? {
        let needle = Array(digits.utf8)
        guard bytes.count >= needle.count else { return nil }
        let before: Set<UInt8> = [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'")]
        let after: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";")]
        var start = 0
        while start + needle.count <= bytes.count {
            defer { start += 1 }
            guard bytes[start..<(start + needle.count)].elementsEqual(needle) else { continue }
            let end = start + needle.count
            if (start == 0 || before.contains(bytes[start - 1])) && (end == bytes.count || after.contains(bytes[end])) { return start..<end }
        }
        return nil
    }
}
