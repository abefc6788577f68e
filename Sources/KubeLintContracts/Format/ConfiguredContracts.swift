import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

/// A contract named by the configuration: which file, and which part of the tree it governs.
package struct ContractReference: Sendable {
    /// The contract file as written, relative to the configuration file.
    package var path: Located<String>
    /// Directories or files the contract governs, relative to the configuration file; empty for
    /// the whole tree.
    package var scope: [Located<String>]

    package init(path: Located<String>, scope: [Located<String>] = []) {
        self.path = path
        self.scope = scope
    }
}

/// The configuration's `contracts`: the contract files it names, and the contracts the driver
/// read from them and bound to the files they govern (`ScopedContract`), which the contract
/// rules check.
package struct ConfiguredContracts: ConfigurationSection {
    package static let key = "contracts"
    /// The files, as the configuration names them.
    package var references: [ContractReference] = []
    /// The contracts that apply to this run.
    package var contracts: [ScopedContract] = []

    package init() {}

    package init(contracts: [ScopedContract]) {
        self.contracts = contracts
    }

    package mutating func read(_ pair: Pair, reader: inout SchemaReader) {
        guard let items = reader.list(pair, Self.key) else { return }
        for (index, item) in items.enumerated() {
            let place = "contracts[\(index)]"
            if item.scalar != nil {
                if let path = reader.string(Pair(key: item, value: item), place) {
                    references.append(ContractReference(path: path))
                }
                continue
            }
            guard let fields = reader.fields(item, allowed: ["path", "scope"], in: place) else { continue }
            reader.require(fields, "path", in: place)
            guard let path = reader.name(fields["path"], "\(place).path") else { continue }
            let scope = reader.strings(fields["scope"], "\(place).scope") ?? []
            references.append(ContractReference(path: path, scope: scope))
        }
    }
}
