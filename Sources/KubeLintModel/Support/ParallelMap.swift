import Dispatch

/// Independent pieces of work spread over every core, their results kept in index order: what
/// what the loader and the linter produce never depends on scheduling. The one parallel map of
/// kubelint: every layer above uses it. Inlinable, so that the modules above get it specialised
/// for their element types (generic code called across modules otherwise goes through witness
/// tables and metadata lookups on every element).
public enum ParallelMap {
    /// `body(0) ..< body(count)`, in that order; on all cores when `parallel` and there is
    /// more than one piece.
    @inlinable
    public static func map<Result: Sendable>(count: Int, parallel: Bool, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard parallel, count > 1 else { return (0..<count).map(body) }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(body(index), at: index)
        }
        return slots.take()
    }

    /// `transform` of every element, in order: the elements are cut into consecutive pieces of
    /// about `pieceSize`, run on all cores when `parallel`.
    @inlinable
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], pieceSize: Int, parallel: Bool, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let ranges = ranges(of: elements.count, size: pieceSize)
        let pieces = map(count: ranges.count, parallel: parallel) { piece in ranges[piece].map { transform(elements[$0]) } }
        return Array(pieces.joined())
    }

    /// Splits `0..<total` into consecutive ranges of about `size` (at least one range).
    @inlinable
    public static func ranges(of total: Int, size: Int) -> [Range<Int>] {
        let size = max(1, size)
        return stride(from: 0, to: max(total, 1), by: size).map { $0..<min($0 + size, total) }
    }
}

/// One slot per piece of work, each written exactly once by the iteration that owns it and read
/// only after every iteration has finished (`concurrentPerform` returns after all of them), so
/// no two threads ever touch the same slot at the same time.
@usableFromInline
final class Slots<Value: Sendable>: @unchecked Sendable {
    @usableFromInline
    let storage: UnsafeMutableBufferPointer<Value?>

    @usableFromInline
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    @inlinable
    func store(_ value: Value, at index: Int) {
        storage[index] = value
    }

    /// The values in index order; every slot must have been stored.
    @inlinable
    func take() -> [Value] {
        storage.indices.compactMap { index in
            let value = storage[index]
            storage[index] = nil
            return value
        }
    }
}
