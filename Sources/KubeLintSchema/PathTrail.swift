import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// Paths of the values a walk visits, kept as parent links so that no string is built for a
/// node unless something is reported about it.
struct PathTrail {
    private enum Step {
        case field(String)
        case index(Int)
        /// A mapping key by its number in the walked `NodeTable`: its text is read only for a
        /// path that is reported.
        case key(UInt32)
    }

    private var parents: [Int] = []
    private var steps: [Step] = []
    private var prefix: String

    /// `prefix` is the path of the walk's root ("" for an object, `items[2]` for a List item).
    init(prefix: String) {
        self.prefix = prefix
    }

    static let root = -1

    /// Starts over for another walk, keeping the storage.
    mutating func reset(prefix: String) {
        self.prefix = prefix
        parents.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
    }

    mutating func field(_ name: String, under parent: Int) -> Int {
        parents.append(parent)
        steps.append(.field(name))
        return steps.count - 1
    }

    /// The step to the value of the mapping key `node` of the walked table.
    mutating func key(_ node: UInt32, under parent: Int) -> Int {
        parents.append(parent)
        steps.append(.key(node))
        return steps.count - 1
    }

    mutating func index(_ position: Int, under parent: Int) -> Int {
        parents.append(parent)
        steps.append(.index(position))
        return steps.count - 1
    }

    /// `spec.containers[0].name` for a step (the root's prefix for `PathTrail.root`); `keys`
    /// is the table that `key` steps are numbers in.
    func path(_ step: Int, keys: NodeTable? = nil) -> String {
        var chain: [Step] = []
        var current = step
        while current >= 0, current < steps.count {
            chain.append(steps[current])
            current = parents[current]
        }
        var text = prefix
        for step in chain.reversed() {
            switch step {
            case .field(let name):
                text += text.isEmpty ? name : "." + name
            case .key(let node):
                let name = keys?.scalarUTF8(node).map { String(decoding: $0, as: UTF8.self) } ?? ""
                text += text.isEmpty ? name : "." + name
            case .index(let position):
                text += "[\(position)]"
            }
        }
        return text
    }
}
