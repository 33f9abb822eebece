"""The municipal picture: housing gap and labour-migrant density."""
