"""The housing effect of a business."""
