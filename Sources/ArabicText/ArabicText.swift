// The umbrella module: `import ArabicText` gives every layer.
@_exported public import ArabicCore
