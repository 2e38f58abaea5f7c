"""The PDF research report (ReportLab). Takes plain data, never queries; styles in one module."""
