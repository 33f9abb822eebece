"""Print layouts: the Stuurgroep maps, the region/municipality atlas and the site report.

The templates (.qpt) live in ``resources/layouts``; the code here fills them with layers,
texts and tables and exports them to PDF and PNG. Every figure on a page comes from the
core analyses; nothing is calculated here that the core does not calculate.
"""
