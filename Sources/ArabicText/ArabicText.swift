// The umbrella module: `import ArabicText` gives every layer.
@_exported public import ArabicCore
@_exported public import ArabicEntities
@_exported public import ArabicQuotes
