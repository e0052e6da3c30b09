"""Streamlit pieces shared by the pages: the cached plan loader, sidebar filters, charts, KPI cards, colours."""
