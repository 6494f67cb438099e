import ArgumentParser

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum AssignmentFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}
