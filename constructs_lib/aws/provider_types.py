"""The AWS typed layer now lives in ``constructs_lib.providers.aws_types`` (one layer for both clouds).

This name stays only for ``aws/poc.py`` (the pure model) until it imports the layer directly.
"""

from constructs_lib.providers.aws_types import AwsProviderConfig  # noqa: F401
