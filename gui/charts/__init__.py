"""Survey and data charts from the sources' tables (matplotlib, imported only when a chart is
first shown). The view lives in :mod:`.charts_view`; importing this package stays cheap."""
