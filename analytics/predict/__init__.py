"""Predicting from the base: customer clusters and customer lifetime value.

* :mod:`~analytics.predict.clusters`: k-means clusters of customers' behaviour;
* :mod:`~analytics.predict.clv`: BG/NBD and Gamma-Gamma fitted by maximum likelihood;
* :mod:`~analytics.predict.clv_holdout`: the models checked on the data they did not see;
* :mod:`~analytics.predict.clv_section`: the ``clv`` section of report.json.
"""
