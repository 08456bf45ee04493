import Dispatch
import Synchronization

/// Runs batches of work items on `jobs` threads and hands their results back in input order,
/// while the caller reads the next batch: one batch is being computed, one read, and one
/// written at a time, so memory is bounded by the batch size, not by the input.
///
/// With one job everything runs on the calling thread.
final class BatchRunner<Item: Sendable, Output: Sendable> {
    let jobs: Int
    private let work: @Sendable (Item) -> Output
    private let queue = DispatchQueue(label: "arabic-text.batches")
    private var pending: (done: DispatchGroup, results: Results)?

    /// One slot per item, each written by the one worker that took the item.
    final class Results: @unchecked Sendable {
        let items: [Item]
        let slots: UnsafeMutablePointer<Output?>
        /// The next item to take: workers take items one at a time, so a slow document does not
        /// hold a whole stripe of the batch back.
        let next = Atomic<Int>(0)

        init(_ items: [Item]) {
            self.items = items
            slots = .allocate(capacity: items.count)
            slots.initialize(repeating: nil, count: items.count)
        }

        deinit {
            slots.deinitialize(count: items.count)
            slots.deallocate()
        }

        func run(_ work: @escaping @Sendable (Item) -> Output, threads: Int) {
            let body: @Sendable (Int) -> Void = { _ in
                while true {
                    let index = self.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < self.items.count else { return }
                    self.slots[index] = work(self.items[index])
                }
            }
            if threads <= 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: body) }
        }

        var outputs: [Output] { (0..<items.count).map { slots[$0]! } }
    }

    init(jobs: Int, work: @escaping @Sendable (Item) -> Output) {
        self.jobs = jobs
        self.work = work
    }

    /// Starts `items`; hands the previous batch's outputs, in order, to `consume`.
    func submit(_ items: [Item], consume: ([Output]) throws -> Void) rethrows {
        guard !items.isEmpty else { return }
        let results = Results(items)
        guard jobs > 1 else {
            results.run(work, threads: 1)
            try consume(results.outputs)
            return
        }
        let done = DispatchGroup()
        done.enter()
        let work = self.work, threads = min(jobs, items.count)
        queue.async {
            results.run(work, threads: threads)
            done.leave()
        }
        if let previous = pending {
            previous.done.wait()
            pending = nil
            try consume(previous.results.outputs)
        }
        pending = (done, results)
    }

    /// Waits for the last batch and hands its outputs to `consume`.
    func finish(consume: ([Output]) throws -> Void) rethrows {
        guard let previous = pending else { return }
        previous.done.wait()
        pending = nil
        try consume(previous.results.outputs)
    }
}
