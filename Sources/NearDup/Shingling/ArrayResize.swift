extension Array where Element: FixedWidthInteger {
    /// Sets the count without clearing what stays: for buffers reused across documents whose
    /// every value is written next, so only growth needs filling (with zeros).
    mutating func resize(toCount count: Int) {
        if self.count > count {
            removeLast(self.count - count)
        } else if self.count < count {
            append(contentsOf: repeatElement(0, count: count - self.count))
        }
    }
}
