import KubeLintModel
/// Data derived from the whole tree that rules share (the pods and workloads, what the tree makes
/// without writing it out, the schema check of every object, ...). A rule lists the facts it
/// reads (`Rule.facts`) and reads them as `context[SomeFact.self]`; the linter derives each fact
/// an enabled rule asks for once per run, before the rules run side by side, so reading one needs
/// no locking and a fact no enabled rule asks for costs nothing.
///
/// The engine knows no fact: each module declares its own, next to the rules that read it.
package protocol Fact: Sendable {
    /// The facts `derive(from:)` reads (`context[Other.self]`); the linter derives them first.
    static var dependencies: [any Fact.Type] { get }

    /// The fact for the run `context` describes. `context` holds the facts of `dependencies`.
    static func derive(from context: LintContext) -> Self
}

extension Fact {
    package static var dependencies: [any Fact.Type] { [] }
}

/// The facts of one run, each derived once.
struct Facts: Sendable {
    private var values: [ObjectIdentifier: any Fact] = [:]

    init() {}

    func value<F: Fact>(_ fact: F.Type) -> F? {
        values[ObjectIdentifier(fact)].map { $0 as! F }
    }

    func contains(_ fact: any Fact.Type) -> Bool {
        values[ObjectIdentifier(fact)] != nil
    }

    mutating func store(_ value: any Fact, as fact: any Fact.Type) {
        values[ObjectIdentifier(fact)] = value
    }
}

extension LintContext {
    /// `requested` and what they depend on, each derived once, dependencies first.
    mutating func derive(_ requested: [any Fact.Type]) {
        var deriving: Set<ObjectIdentifier> = []
        for fact in requested { derive(fact, deriving: &deriving) }
    }

    private mutating func derive(_ fact: any Fact.Type, deriving: inout Set<ObjectIdentifier>) {
        guard !facts.contains(fact) else { return }
        precondition(deriving.insert(ObjectIdentifier(fact)).inserted, "the fact \(fact) depends on itself")
        for dependency in fact.dependencies { derive(dependency, deriving: &deriving) }
        facts.store(fact.derive(from: self), as: fact)
    }
}
