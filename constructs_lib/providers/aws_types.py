"""GENERATED from `terraform providers schema -json` (hashicorp/aws, the plugin mirror) by constructs_lib/providers/generate.py. Do not edit.

Typed arguments for the hashicorp/aws types this project uses. Regenerate with
``python -m constructs_lib.providers.generate aws`` and review the diff after a provider upgrade.
"""

# fmt: off
from __future__ import annotations

from typing import Any, ClassVar, Mapping, Sequence

from .block import Block

_set = object.__setattr__  # the classes are frozen: values are set once, here

SCHEMA_PROVIDER_VERSION = '5.100.0'


class AwsProviderConfigAssumeRole(Block):
    """``assume_role`` block of AwsProviderConfig."""

    __slots__ = ('duration', 'external_id', 'policy', 'policy_arns', 'role_arn', 'session_name', 'source_identity', 'tags', 'transitive_tag_keys')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('duration', 'external_id', 'policy', 'policy_arns', 'role_arn', 'session_name', 'source_identity', 'tags', 'transitive_tag_keys')
    KINDS: ClassVar[dict[str, Any]] = {
        'duration': "string",
        'external_id': "string",
        'policy': "string",
        'policy_arns': ["set", "string"],
        'role_arn': "string",
        'session_name': "string",
        'source_identity': "string",
        'tags': ["map", "string"],
        'transitive_tag_keys': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['duration', 'external_id', 'policy', 'policy_arns', 'role_arn', 'session_name', 'source_identity', 'tags', 'transitive_tag_keys'])

    def __init__(
        self,
        *,
        duration: str | None = None,
        external_id: str | None = None,
        policy: str | None = None,
        policy_arns: Sequence[str] | str | None = None,
        role_arn: str | None = None,
        session_name: str | None = None,
        source_identity: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        transitive_tag_keys: Sequence[str] | str | None = None,
    ) -> None:
        _set(self, 'duration', duration)
        _set(self, 'external_id', external_id)
        _set(self, 'policy', policy)
        _set(self, 'policy_arns', policy_arns)
        _set(self, 'role_arn', role_arn)
        _set(self, 'session_name', session_name)
        _set(self, 'source_identity', source_identity)
        _set(self, 'tags', tags)
        _set(self, 'transitive_tag_keys', transitive_tag_keys)


class AwsProviderConfigAssumeRoleWithWebIdentity(Block):
    """``assume_role_with_web_identity`` block of AwsProviderConfig."""

    __slots__ = ('duration', 'policy', 'policy_arns', 'role_arn', 'session_name', 'web_identity_token', 'web_identity_token_file')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('duration', 'policy', 'policy_arns', 'role_arn', 'session_name', 'web_identity_token', 'web_identity_token_file')
    KINDS: ClassVar[dict[str, Any]] = {
        'duration': "string",
        'policy': "string",
        'policy_arns': ["set", "string"],
        'role_arn': "string",
        'session_name': "string",
        'web_identity_token': "string",
        'web_identity_token_file': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['duration', 'policy', 'policy_arns', 'role_arn', 'session_name', 'web_identity_token', 'web_identity_token_file'])

    def __init__(
        self,
        *,
        duration: str | None = None,
        policy: str | None = None,
        policy_arns: Sequence[str] | str | None = None,
        role_arn: str | None = None,
        session_name: str | None = None,
        web_identity_token: str | None = None,
        web_identity_token_file: str | None = None,
    ) -> None:
        _set(self, 'duration', duration)
        _set(self, 'policy', policy)
        _set(self, 'policy_arns', policy_arns)
        _set(self, 'role_arn', role_arn)
        _set(self, 'session_name', session_name)
        _set(self, 'web_identity_token', web_identity_token)
        _set(self, 'web_identity_token_file', web_identity_token_file)


class AwsProviderConfigDefaultTags(Block):
    """``default_tags`` block of AwsProviderConfig."""

    __slots__ = ('tags',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('tags',)
    KINDS: ClassVar[dict[str, Any]] = {
        'tags': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['tags'])

    def __init__(
        self,
        *,
        tags: Mapping[str, str] | str | None = None,
    ) -> None:
        _set(self, 'tags', tags)


class AwsProviderConfigEndpoints(Block):
    """``endpoints`` block of AwsProviderConfig."""

    __slots__ = ('accessanalyzer', 'account', 'acm', 'acmpca', 'amg', 'amp', 'amplify', 'apigateway', 'apigatewayv2', 'appautoscaling', 'appconfig', 'appfabric', 'appflow', 'appintegrations', 'appintegrationsservice', 'applicationautoscaling', 'applicationinsights', 'applicationsignals', 'appmesh', 'appregistry', 'apprunner', 'appstream', 'appsync', 'athena', 'auditmanager', 'autoscaling', 'autoscalingplans', 'backup', 'batch', 'bcmdataexports', 'beanstalk', 'bedrock', 'bedrockagent', 'billing', 'budgets', 'ce', 'chatbot', 'chime', 'chimesdkmediapipelines', 'chimesdkvoice', 'cleanrooms', 'cloud9', 'cloudcontrol', 'cloudcontrolapi', 'cloudformation', 'cloudfront', 'cloudfrontkeyvaluestore', 'cloudhsm', 'cloudhsmv2', 'cloudsearch', 'cloudtrail', 'cloudwatch', 'cloudwatchevents', 'cloudwatchevidently', 'cloudwatchlog', 'cloudwatchlogs', 'cloudwatchobservabilityaccessmanager', 'cloudwatchrum', 'codeartifact', 'codebuild', 'codecatalyst', 'codecommit', 'codeconnections', 'codedeploy', 'codeguruprofiler', 'codegurureviewer', 'codepipeline', 'codestarconnections', 'codestarnotifications', 'cognitoidentity', 'cognitoidentityprovider', 'cognitoidp', 'comprehend', 'computeoptimizer', 'config', 'configservice', 'connect', 'connectcases', 'controltower', 'costandusagereportservice', 'costexplorer', 'costoptimizationhub', 'cur', 'customerprofiles', 'databasemigration', 'databasemigrationservice', 'databrew', 'dataexchange', 'datapipeline', 'datasync', 'datazone', 'dax', 'deploy', 'detective', 'devicefarm', 'devopsguru', 'directconnect', 'directoryservice', 'dlm', 'dms', 'docdb', 'docdbelastic', 'drs', 'ds', 'dsql', 'dynamodb', 'ec2', 'ecr', 'ecrpublic', 'ecs', 'efs', 'eks', 'elasticache', 'elasticbeanstalk', 'elasticloadbalancing', 'elasticloadbalancingv2', 'elasticsearch', 'elasticsearchservice', 'elastictranscoder', 'elb', 'elbv2', 'emr', 'emrcontainers', 'emrserverless', 'es', 'eventbridge', 'events', 'evidently', 'evs', 'finspace', 'firehose', 'fis', 'fms', 'fsx', 'gamelift', 'glacier', 'globalaccelerator', 'glue', 'gluedatabrew', 'grafana', 'greengrass', 'groundstation', 'guardduty', 'healthlake', 'iam', 'identitystore', 'imagebuilder', 'inspector', 'inspector2', 'inspectorv2', 'internetmonitor', 'invoicing', 'iot', 'iotanalytics', 'iotevents', 'ivs', 'ivschat', 'kafka', 'kafkaconnect', 'kendra', 'keyspaces', 'kinesis', 'kinesisanalytics', 'kinesisanalyticsv2', 'kinesisvideo', 'kms', 'lakeformation', 'lambda_', 'launchwizard', 'lex', 'lexmodelbuilding', 'lexmodelbuildingservice', 'lexmodels', 'lexmodelsv2', 'lexv2models', 'licensemanager', 'lightsail', 'location', 'locationservice', 'logs', 'lookoutmetrics', 'm2', 'macie2', 'managedgrafana', 'mediaconnect', 'mediaconvert', 'medialive', 'mediapackage', 'mediapackagev2', 'mediapackagevod', 'mediastore', 'memorydb', 'mgn', 'mq', 'msk', 'mwaa', 'neptune', 'neptunegraph', 'networkfirewall', 'networkmanager', 'networkmonitor', 'notifications', 'notificationscontacts', 'oam', 'opensearch', 'opensearchingestion', 'opensearchserverless', 'opensearchservice', 'opsworks', 'organizations', 'osis', 'outposts', 'paymentcryptography', 'pcaconnectorad', 'pcs', 'pinpoint', 'pinpointsmsvoicev2', 'pipes', 'polly', 'pricing', 'prometheus', 'prometheusservice', 'qbusiness', 'qldb', 'quicksight', 'ram', 'rbin', 'rds', 'recyclebin', 'redshift', 'redshiftdata', 'redshiftdataapiservice', 'redshiftserverless', 'rekognition', 'resiliencehub', 'resourceexplorer2', 'resourcegroups', 'resourcegroupstagging', 'resourcegroupstaggingapi', 'rolesanywhere', 'route53', 'route53domains', 'route53profiles', 'route53recoverycontrolconfig', 'route53recoveryreadiness', 'route53resolver', 'rum', 's3', 's3api', 's3control', 's3outposts', 's3tables', 'sagemaker', 'scheduler', 'schemas', 'sdb', 'secretsmanager', 'securityhub', 'securitylake', 'serverlessapplicationrepository', 'serverlessapprepo', 'serverlessrepo', 'servicecatalog', 'servicecatalogappregistry', 'servicediscovery', 'servicequotas', 'ses', 'sesv2', 'sfn', 'shield', 'signer', 'simpledb', 'sns', 'sqs', 'ssm', 'ssmcontacts', 'ssmincidents', 'ssmquicksetup', 'ssmsap', 'sso', 'ssoadmin', 'stepfunctions', 'storagegateway', 'sts', 'swf', 'synthetics', 'taxsettings', 'timestreaminfluxdb', 'timestreamquery', 'timestreamwrite', 'transcribe', 'transcribeservice', 'transfer', 'verifiedpermissions', 'vpclattice', 'waf', 'wafregional', 'wafv2', 'wellarchitected', 'worklink', 'workspaces', 'workspacesweb', 'xray')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('accessanalyzer', 'account', 'acm', 'acmpca', 'amg', 'amp', 'amplify', 'apigateway', 'apigatewayv2', 'appautoscaling', 'appconfig', 'appfabric', 'appflow', 'appintegrations', 'appintegrationsservice', 'applicationautoscaling', 'applicationinsights', 'applicationsignals', 'appmesh', 'appregistry', 'apprunner', 'appstream', 'appsync', 'athena', 'auditmanager', 'autoscaling', 'autoscalingplans', 'backup', 'batch', 'bcmdataexports', 'beanstalk', 'bedrock', 'bedrockagent', 'billing', 'budgets', 'ce', 'chatbot', 'chime', 'chimesdkmediapipelines', 'chimesdkvoice', 'cleanrooms', 'cloud9', 'cloudcontrol', 'cloudcontrolapi', 'cloudformation', 'cloudfront', 'cloudfrontkeyvaluestore', 'cloudhsm', 'cloudhsmv2', 'cloudsearch', 'cloudtrail', 'cloudwatch', 'cloudwatchevents', 'cloudwatchevidently', 'cloudwatchlog', 'cloudwatchlogs', 'cloudwatchobservabilityaccessmanager', 'cloudwatchrum', 'codeartifact', 'codebuild', 'codecatalyst', 'codecommit', 'codeconnections', 'codedeploy', 'codeguruprofiler', 'codegurureviewer', 'codepipeline', 'codestarconnections', 'codestarnotifications', 'cognitoidentity', 'cognitoidentityprovider', 'cognitoidp', 'comprehend', 'computeoptimizer', 'config', 'configservice', 'connect', 'connectcases', 'controltower', 'costandusagereportservice', 'costexplorer', 'costoptimizationhub', 'cur', 'customerprofiles', 'databasemigration', 'databasemigrationservice', 'databrew', 'dataexchange', 'datapipeline', 'datasync', 'datazone', 'dax', 'deploy', 'detective', 'devicefarm', 'devopsguru', 'directconnect', 'directoryservice', 'dlm', 'dms', 'docdb', 'docdbelastic', 'drs', 'ds', 'dsql', 'dynamodb', 'ec2', 'ecr', 'ecrpublic', 'ecs', 'efs', 'eks', 'elasticache', 'elasticbeanstalk', 'elasticloadbalancing', 'elasticloadbalancingv2', 'elasticsearch', 'elasticsearchservice', 'elastictranscoder', 'elb', 'elbv2', 'emr', 'emrcontainers', 'emrserverless', 'es', 'eventbridge', 'events', 'evidently', 'evs', 'finspace', 'firehose', 'fis', 'fms', 'fsx', 'gamelift', 'glacier', 'globalaccelerator', 'glue', 'gluedatabrew', 'grafana', 'greengrass', 'groundstation', 'guardduty', 'healthlake', 'iam', 'identitystore', 'imagebuilder', 'inspector', 'inspector2', 'inspectorv2', 'internetmonitor', 'invoicing', 'iot', 'iotanalytics', 'iotevents', 'ivs', 'ivschat', 'kafka', 'kafkaconnect', 'kendra', 'keyspaces', 'kinesis', 'kinesisanalytics', 'kinesisanalyticsv2', 'kinesisvideo', 'kms', 'lakeformation', 'lambda_', 'launchwizard', 'lex', 'lexmodelbuilding', 'lexmodelbuildingservice', 'lexmodels', 'lexmodelsv2', 'lexv2models', 'licensemanager', 'lightsail', 'location', 'locationservice', 'logs', 'lookoutmetrics', 'm2', 'macie2', 'managedgrafana', 'mediaconnect', 'mediaconvert', 'medialive', 'mediapackage', 'mediapackagev2', 'mediapackagevod', 'mediastore', 'memorydb', 'mgn', 'mq', 'msk', 'mwaa', 'neptune', 'neptunegraph', 'networkfirewall', 'networkmanager', 'networkmonitor', 'notifications', 'notificationscontacts', 'oam', 'opensearch', 'opensearchingestion', 'opensearchserverless', 'opensearchservice', 'opsworks', 'organizations', 'osis', 'outposts', 'paymentcryptography', 'pcaconnectorad', 'pcs', 'pinpoint', 'pinpointsmsvoicev2', 'pipes', 'polly', 'pricing', 'prometheus', 'prometheusservice', 'qbusiness', 'qldb', 'quicksight', 'ram', 'rbin', 'rds', 'recyclebin', 'redshift', 'redshiftdata', 'redshiftdataapiservice', 'redshiftserverless', 'rekognition', 'resiliencehub', 'resourceexplorer2', 'resourcegroups', 'resourcegroupstagging', 'resourcegroupstaggingapi', 'rolesanywhere', 'route53', 'route53domains', 'route53profiles', 'route53recoverycontrolconfig', 'route53recoveryreadiness', 'route53resolver', 'rum', 's3', 's3api', 's3control', 's3outposts', 's3tables', 'sagemaker', 'scheduler', 'schemas', 'sdb', 'secretsmanager', 'securityhub', 'securitylake', 'serverlessapplicationrepository', 'serverlessapprepo', 'serverlessrepo', 'servicecatalog', 'servicecatalogappregistry', 'servicediscovery', 'servicequotas', 'ses', 'sesv2', 'sfn', 'shield', 'signer', 'simpledb', 'sns', 'sqs', 'ssm', 'ssmcontacts', 'ssmincidents', 'ssmquicksetup', 'ssmsap', 'sso', 'ssoadmin', 'stepfunctions', 'storagegateway', 'sts', 'swf', 'synthetics', 'taxsettings', 'timestreaminfluxdb', 'timestreamquery', 'timestreamwrite', 'transcribe', 'transcribeservice', 'transfer', 'verifiedpermissions', 'vpclattice', 'waf', 'wafregional', 'wafv2', 'wellarchitected', 'worklink', 'workspaces', 'workspacesweb', 'xray')
    TF_NAMES: ClassVar[dict[str, str]] = {'lambda_': 'lambda'}
    KINDS: ClassVar[dict[str, Any]] = {
        'accessanalyzer': "string",
        'account': "string",
        'acm': "string",
        'acmpca': "string",
        'amg': "string",
        'amp': "string",
        'amplify': "string",
        'apigateway': "string",
        'apigatewayv2': "string",
        'appautoscaling': "string",
        'appconfig': "string",
        'appfabric': "string",
        'appflow': "string",
        'appintegrations': "string",
        'appintegrationsservice': "string",
        'applicationautoscaling': "string",
        'applicationinsights': "string",
        'applicationsignals': "string",
        'appmesh': "string",
        'appregistry': "string",
        'apprunner': "string",
        'appstream': "string",
        'appsync': "string",
        'athena': "string",
        'auditmanager': "string",
        'autoscaling': "string",
        'autoscalingplans': "string",
        'backup': "string",
        'batch': "string",
        'bcmdataexports': "string",
        'beanstalk': "string",
        'bedrock': "string",
        'bedrockagent': "string",
        'billing': "string",
        'budgets': "string",
        'ce': "string",
        'chatbot': "string",
        'chime': "string",
        'chimesdkmediapipelines': "string",
        'chimesdkvoice': "string",
        'cleanrooms': "string",
        'cloud9': "string",
        'cloudcontrol': "string",
        'cloudcontrolapi': "string",
        'cloudformation': "string",
        'cloudfront': "string",
        'cloudfrontkeyvaluestore': "string",
        'cloudhsm': "string",
        'cloudhsmv2': "string",
        'cloudsearch': "string",
        'cloudtrail': "string",
        'cloudwatch': "string",
        'cloudwatchevents': "string",
        'cloudwatchevidently': "string",
        'cloudwatchlog': "string",
        'cloudwatchlogs': "string",
        'cloudwatchobservabilityaccessmanager': "string",
        'cloudwatchrum': "string",
        'codeartifact': "string",
        'codebuild': "string",
        'codecatalyst': "string",
        'codecommit': "string",
        'codeconnections': "string",
        'codedeploy': "string",
        'codeguruprofiler': "string",
        'codegurureviewer': "string",
        'codepipeline': "string",
        'codestarconnections': "string",
        'codestarnotifications': "string",
        'cognitoidentity': "string",
        'cognitoidentityprovider': "string",
        'cognitoidp': "string",
        'comprehend': "string",
        'computeoptimizer': "string",
        'config': "string",
        'configservice': "string",
        'connect': "string",
        'connectcases': "string",
        'controltower': "string",
        'costandusagereportservice': "string",
        'costexplorer': "string",
        'costoptimizationhub': "string",
        'cur': "string",
        'customerprofiles': "string",
        'databasemigration': "string",
        'databasemigrationservice': "string",
        'databrew': "string",
        'dataexchange': "string",
        'datapipeline': "string",
        'datasync': "string",
        'datazone': "string",
        'dax': "string",
        'deploy': "string",
        'detective': "string",
        'devicefarm': "string",
        'devopsguru': "string",
        'directconnect': "string",
        'directoryservice': "string",
        'dlm': "string",
        'dms': "string",
        'docdb': "string",
        'docdbelastic': "string",
        'drs': "string",
        'ds': "string",
        'dsql': "string",
        'dynamodb': "string",
        'ec2': "string",
        'ecr': "string",
        'ecrpublic': "string",
        'ecs': "string",
        'efs': "string",
        'eks': "string",
        'elasticache': "string",
        'elasticbeanstalk': "string",
        'elasticloadbalancing': "string",
        'elasticloadbalancingv2': "string",
        'elasticsearch': "string",
        'elasticsearchservice': "string",
        'elastictranscoder': "string",
        'elb': "string",
        'elbv2': "string",
        'emr': "string",
        'emrcontainers': "string",
        'emrserverless': "string",
        'es': "string",
        'eventbridge': "string",
        'events': "string",
        'evidently': "string",
        'evs': "string",
        'finspace': "string",
        'firehose': "string",
        'fis': "string",
        'fms': "string",
        'fsx': "string",
        'gamelift': "string",
        'glacier': "string",
        'globalaccelerator': "string",
        'glue': "string",
        'gluedatabrew': "string",
        'grafana': "string",
        'greengrass': "string",
        'groundstation': "string",
        'guardduty': "string",
        'healthlake': "string",
        'iam': "string",
        'identitystore': "string",
        'imagebuilder': "string",
        'inspector': "string",
        'inspector2': "string",
        'inspectorv2': "string",
        'internetmonitor': "string",
        'invoicing': "string",
        'iot': "string",
        'iotanalytics': "string",
        'iotevents': "string",
        'ivs': "string",
        'ivschat': "string",
        'kafka': "string",
        'kafkaconnect': "string",
        'kendra': "string",
        'keyspaces': "string",
        'kinesis': "string",
        'kinesisanalytics': "string",
        'kinesisanalyticsv2': "string",
        'kinesisvideo': "string",
        'kms': "string",
        'lakeformation': "string",
        'lambda': "string",
        'launchwizard': "string",
        'lex': "string",
        'lexmodelbuilding': "string",
        'lexmodelbuildingservice': "string",
        'lexmodels': "string",
        'lexmodelsv2': "string",
        'lexv2models': "string",
        'licensemanager': "string",
        'lightsail': "string",
        'location': "string",
        'locationservice': "string",
        'logs': "string",
        'lookoutmetrics': "string",
        'm2': "string",
        'macie2': "string",
        'managedgrafana': "string",
        'mediaconnect': "string",
        'mediaconvert': "string",
        'medialive': "string",
        'mediapackage': "string",
        'mediapackagev2': "string",
        'mediapackagevod': "string",
        'mediastore': "string",
        'memorydb': "string",
        'mgn': "string",
        'mq': "string",
        'msk': "string",
        'mwaa': "string",
        'neptune': "string",
        'neptunegraph': "string",
        'networkfirewall': "string",
        'networkmanager': "string",
        'networkmonitor': "string",
        'notifications': "string",
        'notificationscontacts': "string",
        'oam': "string",
        'opensearch': "string",
        'opensearchingestion': "string",
        'opensearchserverless': "string",
        'opensearchservice': "string",
        'opsworks': "string",
        'organizations': "string",
        'osis': "string",
        'outposts': "string",
        'paymentcryptography': "string",
        'pcaconnectorad': "string",
        'pcs': "string",
        'pinpoint': "string",
        'pinpointsmsvoicev2': "string",
        'pipes': "string",
        'polly': "string",
        'pricing': "string",
        'prometheus': "string",
        'prometheusservice': "string",
        'qbusiness': "string",
        'qldb': "string",
        'quicksight': "string",
        'ram': "string",
        'rbin': "string",
        'rds': "string",
        'recyclebin': "string",
        'redshift': "string",
        'redshiftdata': "string",
        'redshiftdataapiservice': "string",
        'redshiftserverless': "string",
        'rekognition': "string",
        'resiliencehub': "string",
        'resourceexplorer2': "string",
        'resourcegroups': "string",
        'resourcegroupstagging': "string",
        'resourcegroupstaggingapi': "string",
        'rolesanywhere': "string",
        'route53': "string",
        'route53domains': "string",
        'route53profiles': "string",
        'route53recoverycontrolconfig': "string",
        'route53recoveryreadiness': "string",
        'route53resolver': "string",
        'rum': "string",
        's3': "string",
        's3api': "string",
        's3control': "string",
        's3outposts': "string",
        's3tables': "string",
        'sagemaker': "string",
        'scheduler': "string",
        'schemas': "string",
        'sdb': "string",
        'secretsmanager': "string",
        'securityhub': "string",
        'securitylake': "string",
        'serverlessapplicationrepository': "string",
        'serverlessapprepo': "string",
        'serverlessrepo': "string",
        'servicecatalog': "string",
        'servicecatalogappregistry': "string",
        'servicediscovery': "string",
        'servicequotas': "string",
        'ses': "string",
        'sesv2': "string",
        'sfn': "string",
        'shield': "string",
        'signer': "string",
        'simpledb': "string",
        'sns': "string",
        'sqs': "string",
        'ssm': "string",
        'ssmcontacts': "string",
        'ssmincidents': "string",
        'ssmquicksetup': "string",
        'ssmsap': "string",
        'sso': "string",
        'ssoadmin': "string",
        'stepfunctions': "string",
        'storagegateway': "string",
        'sts': "string",
        'swf': "string",
        'synthetics': "string",
        'taxsettings': "string",
        'timestreaminfluxdb': "string",
        'timestreamquery': "string",
        'timestreamwrite': "string",
        'transcribe': "string",
        'transcribeservice': "string",
        'transfer': "string",
        'verifiedpermissions': "string",
        'vpclattice': "string",
        'waf': "string",
        'wafregional': "string",
        'wafv2': "string",
        'wellarchitected': "string",
        'worklink': "string",
        'workspaces': "string",
        'workspacesweb': "string",
        'xray': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['accessanalyzer', 'account', 'acm', 'acmpca', 'amg', 'amp', 'amplify', 'apigateway', 'apigatewayv2', 'appautoscaling', 'appconfig', 'appfabric', 'appflow', 'appintegrations', 'appintegrationsservice', 'applicationautoscaling', 'applicationinsights', 'applicationsignals', 'appmesh', 'appregistry', 'apprunner', 'appstream', 'appsync', 'athena', 'auditmanager', 'autoscaling', 'autoscalingplans', 'backup', 'batch', 'bcmdataexports', 'beanstalk', 'bedrock', 'bedrockagent', 'billing', 'budgets', 'ce', 'chatbot', 'chime', 'chimesdkmediapipelines', 'chimesdkvoice', 'cleanrooms', 'cloud9', 'cloudcontrol', 'cloudcontrolapi', 'cloudformation', 'cloudfront', 'cloudfrontkeyvaluestore', 'cloudhsm', 'cloudhsmv2', 'cloudsearch', 'cloudtrail', 'cloudwatch', 'cloudwatchevents', 'cloudwatchevidently', 'cloudwatchlog', 'cloudwatchlogs', 'cloudwatchobservabilityaccessmanager', 'cloudwatchrum', 'codeartifact', 'codebuild', 'codecatalyst', 'codecommit', 'codeconnections', 'codedeploy', 'codeguruprofiler', 'codegurureviewer', 'codepipeline', 'codestarconnections', 'codestarnotifications', 'cognitoidentity', 'cognitoidentityprovider', 'cognitoidp', 'comprehend', 'computeoptimizer', 'config', 'configservice', 'connect', 'connectcases', 'controltower', 'costandusagereportservice', 'costexplorer', 'costoptimizationhub', 'cur', 'customerprofiles', 'databasemigration', 'databasemigrationservice', 'databrew', 'dataexchange', 'datapipeline', 'datasync', 'datazone', 'dax', 'deploy', 'detective', 'devicefarm', 'devopsguru', 'directconnect', 'directoryservice', 'dlm', 'dms', 'docdb', 'docdbelastic', 'drs', 'ds', 'dsql', 'dynamodb', 'ec2', 'ecr', 'ecrpublic', 'ecs', 'efs', 'eks', 'elasticache', 'elasticbeanstalk', 'elasticloadbalancing', 'elasticloadbalancingv2', 'elasticsearch', 'elasticsearchservice', 'elastictranscoder', 'elb', 'elbv2', 'emr', 'emrcontainers', 'emrserverless', 'es', 'eventbridge', 'events', 'evidently', 'evs', 'finspace', 'firehose', 'fis', 'fms', 'fsx', 'gamelift', 'glacier', 'globalaccelerator', 'glue', 'gluedatabrew', 'grafana', 'greengrass', 'groundstation', 'guardduty', 'healthlake', 'iam', 'identitystore', 'imagebuilder', 'inspector', 'inspector2', 'inspectorv2', 'internetmonitor', 'invoicing', 'iot', 'iotanalytics', 'iotevents', 'ivs', 'ivschat', 'kafka', 'kafkaconnect', 'kendra', 'keyspaces', 'kinesis', 'kinesisanalytics', 'kinesisanalyticsv2', 'kinesisvideo', 'kms', 'lakeformation', 'lambda', 'launchwizard', 'lex', 'lexmodelbuilding', 'lexmodelbuildingservice', 'lexmodels', 'lexmodelsv2', 'lexv2models', 'licensemanager', 'lightsail', 'location', 'locationservice', 'logs', 'lookoutmetrics', 'm2', 'macie2', 'managedgrafana', 'mediaconnect', 'mediaconvert', 'medialive', 'mediapackage', 'mediapackagev2', 'mediapackagevod', 'mediastore', 'memorydb', 'mgn', 'mq', 'msk', 'mwaa', 'neptune', 'neptunegraph', 'networkfirewall', 'networkmanager', 'networkmonitor', 'notifications', 'notificationscontacts', 'oam', 'opensearch', 'opensearchingestion', 'opensearchserverless', 'opensearchservice', 'opsworks', 'organizations', 'osis', 'outposts', 'paymentcryptography', 'pcaconnectorad', 'pcs', 'pinpoint', 'pinpointsmsvoicev2', 'pipes', 'polly', 'pricing', 'prometheus', 'prometheusservice', 'qbusiness', 'qldb', 'quicksight', 'ram', 'rbin', 'rds', 'recyclebin', 'redshift', 'redshiftdata', 'redshiftdataapiservice', 'redshiftserverless', 'rekognition', 'resiliencehub', 'resourceexplorer2', 'resourcegroups', 'resourcegroupstagging', 'resourcegroupstaggingapi', 'rolesanywhere', 'route53', 'route53domains', 'route53profiles', 'route53recoverycontrolconfig', 'route53recoveryreadiness', 'route53resolver', 'rum', 's3', 's3api', 's3control', 's3outposts', 's3tables', 'sagemaker', 'scheduler', 'schemas', 'sdb', 'secretsmanager', 'securityhub', 'securitylake', 'serverlessapplicationrepository', 'serverlessapprepo', 'serverlessrepo', 'servicecatalog', 'servicecatalogappregistry', 'servicediscovery', 'servicequotas', 'ses', 'sesv2', 'sfn', 'shield', 'signer', 'simpledb', 'sns', 'sqs', 'ssm', 'ssmcontacts', 'ssmincidents', 'ssmquicksetup', 'ssmsap', 'sso', 'ssoadmin', 'stepfunctions', 'storagegateway', 'sts', 'swf', 'synthetics', 'taxsettings', 'timestreaminfluxdb', 'timestreamquery', 'timestreamwrite', 'transcribe', 'transcribeservice', 'transfer', 'verifiedpermissions', 'vpclattice', 'waf', 'wafregional', 'wafv2', 'wellarchitected', 'worklink', 'workspaces', 'workspacesweb', 'xray'])

    def __init__(
        self,
        *,
        accessanalyzer: str | None = None,
        account: str | None = None,
        acm: str | None = None,
        acmpca: str | None = None,
        amg: str | None = None,
        amp: str | None = None,
        amplify: str | None = None,
        apigateway: str | None = None,
        apigatewayv2: str | None = None,
        appautoscaling: str | None = None,
        appconfig: str | None = None,
        appfabric: str | None = None,
        appflow: str | None = None,
        appintegrations: str | None = None,
        appintegrationsservice: str | None = None,
        applicationautoscaling: str | None = None,
        applicationinsights: str | None = None,
        applicationsignals: str | None = None,
        appmesh: str | None = None,
        appregistry: str | None = None,
        apprunner: str | None = None,
        appstream: str | None = None,
        appsync: str | None = None,
        athena: str | None = None,
        auditmanager: str | None = None,
        autoscaling: str | None = None,
        autoscalingplans: str | None = None,
        backup: str | None = None,
        batch: str | None = None,
        bcmdataexports: str | None = None,
        beanstalk: str | None = None,
        bedrock: str | None = None,
        bedrockagent: str | None = None,
        billing: str | None = None,
        budgets: str | None = None,
        ce: str | None = None,
        chatbot: str | None = None,
        chime: str | None = None,
        chimesdkmediapipelines: str | None = None,
        chimesdkvoice: str | None = None,
        cleanrooms: str | None = None,
        cloud9: str | None = None,
        cloudcontrol: str | None = None,
        cloudcontrolapi: str | None = None,
        cloudformation: str | None = None,
        cloudfront: str | None = None,
        cloudfrontkeyvaluestore: str | None = None,
        cloudhsm: str | None = None,
        cloudhsmv2: str | None = None,
        cloudsearch: str | None = None,
        cloudtrail: str | None = None,
        cloudwatch: str | None = None,
        cloudwatchevents: str | None = None,
        cloudwatchevidently: str | None = None,
        cloudwatchlog: str | None = None,
        cloudwatchlogs: str | None = None,
        cloudwatchobservabilityaccessmanager: str | None = None,
        cloudwatchrum: str | None = None,
        codeartifact: str | None = None,
        codebuild: str | None = None,
        codecatalyst: str | None = None,
        codecommit: str | None = None,
        codeconnections: str | None = None,
        codedeploy: str | None = None,
        codeguruprofiler: str | None = None,
        codegurureviewer: str | None = None,
        codepipeline: str | None = None,
        codestarconnections: str | None = None,
        codestarnotifications: str | None = None,
        cognitoidentity: str | None = None,
        cognitoidentityprovider: str | None = None,
        cognitoidp: str | None = None,
        comprehend: str | None = None,
        computeoptimizer: str | None = None,
        config: str | None = None,
        configservice: str | None = None,
        connect: str | None = None,
        connectcases: str | None = None,
        controltower: str | None = None,
        costandusagereportservice: str | None = None,
        costexplorer: str | None = None,
        costoptimizationhub: str | None = None,
        cur: str | None = None,
        customerprofiles: str | None = None,
        databasemigration: str | None = None,
        databasemigrationservice: str | None = None,
        databrew: str | None = None,
        dataexchange: str | None = None,
        datapipeline: str | None = None,
        datasync: str | None = None,
        datazone: str | None = None,
        dax: str | None = None,
        deploy: str | None = None,
        detective: str | None = None,
        devicefarm: str | None = None,
        devopsguru: str | None = None,
        directconnect: str | None = None,
        directoryservice: str | None = None,
        dlm: str | None = None,
        dms: str | None = None,
        docdb: str | None = None,
        docdbelastic: str | None = None,
        drs: str | None = None,
        ds: str | None = None,
        dsql: str | None = None,
        dynamodb: str | None = None,
        ec2: str | None = None,
        ecr: str | None = None,
        ecrpublic: str | None = None,
        ecs: str | None = None,
        efs: str | None = None,
        eks: str | None = None,
        elasticache: str | None = None,
        elasticbeanstalk: str | None = None,
        elasticloadbalancing: str | None = None,
        elasticloadbalancingv2: str | None = None,
        elasticsearch: str | None = None,
        elasticsearchservice: str | None = None,
        elastictranscoder: str | None = None,
        elb: str | None = None,
        elbv2: str | None = None,
        emr: str | None = None,
        emrcontainers: str | None = None,
        emrserverless: str | None = None,
        es: str | None = None,
        eventbridge: str | None = None,
        events: str | None = None,
        evidently: str | None = None,
        evs: str | None = None,
        finspace: str | None = None,
        firehose: str | None = None,
        fis: str | None = None,
        fms: str | None = None,
        fsx: str | None = None,
        gamelift: str | None = None,
        glacier: str | None = None,
        globalaccelerator: str | None = None,
        glue: str | None = None,
        gluedatabrew: str | None = None,
        grafana: str | None = None,
        greengrass: str | None = None,
        groundstation: str | None = None,
        guardduty: str | None = None,
        healthlake: str | None = None,
        iam: str | None = None,
        identitystore: str | None = None,
        imagebuilder: str | None = None,
        inspector: str | None = None,
        inspector2: str | None = None,
        inspectorv2: str | None = None,
        internetmonitor: str | None = None,
        invoicing: str | None = None,
        iot: str | None = None,
        iotanalytics: str | None = None,
        iotevents: str | None = None,
        ivs: str | None = None,
        ivschat: str | None = None,
        kafka: str | None = None,
        kafkaconnect: str | None = None,
        kendra: str | None = None,
        keyspaces: str | None = None,
        kinesis: str | None = None,
        kinesisanalytics: str | None = None,
        kinesisanalyticsv2: str | None = None,
        kinesisvideo: str | None = None,
        kms: str | None = None,
        lakeformation: str | None = None,
        lambda_: str | None = None,
        launchwizard: str | None = None,
        lex: str | None = None,
        lexmodelbuilding: str | None = None,
        lexmodelbuildingservice: str | None = None,
        lexmodels: str | None = None,
        lexmodelsv2: str | None = None,
        lexv2models: str | None = None,
        licensemanager: str | None = None,
        lightsail: str | None = None,
        location: str | None = None,
        locationservice: str | None = None,
        logs: str | None = None,
        lookoutmetrics: str | None = None,
        m2: str | None = None,
        macie2: str | None = None,
        managedgrafana: str | None = None,
        mediaconnect: str | None = None,
        mediaconvert: str | None = None,
        medialive: str | None = None,
        mediapackage: str | None = None,
        mediapackagev2: str | None = None,
        mediapackagevod: str | None = None,
        mediastore: str | None = None,
        memorydb: str | None = None,
        mgn: str | None = None,
        mq: str | None = None,
        msk: str | None = None,
        mwaa: str | None = None,
        neptune: str | None = None,
        neptunegraph: str | None = None,
        networkfirewall: str | None = None,
        networkmanager: str | None = None,
        networkmonitor: str | None = None,
        notifications: str | None = None,
        notificationscontacts: str | None = None,
        oam: str | None = None,
        opensearch: str | None = None,
        opensearchingestion: str | None = None,
        opensearchserverless: str | None = None,
        opensearchservice: str | None = None,
        opsworks: str | None = None,
        organizations: str | None = None,
        osis: str | None = None,
        outposts: str | None = None,
        paymentcryptography: str | None = None,
        pcaconnectorad: str | None = None,
        pcs: str | None = None,
        pinpoint: str | None = None,
        pinpointsmsvoicev2: str | None = None,
        pipes: str | None = None,
        polly: str | None = None,
        pricing: str | None = None,
        prometheus: str | None = None,
        prometheusservice: str | None = None,
        qbusiness: str | None = None,
        qldb: str | None = None,
        quicksight: str | None = None,
        ram: str | None = None,
        rbin: str | None = None,
        rds: str | None = None,
        recyclebin: str | None = None,
        redshift: str | None = None,
        redshiftdata: str | None = None,
        redshiftdataapiservice: str | None = None,
        redshiftserverless: str | None = None,
        rekognition: str | None = None,
        resiliencehub: str | None = None,
        resourceexplorer2: str | None = None,
        resourcegroups: str | None = None,
        resourcegroupstagging: str | None = None,
        resourcegroupstaggingapi: str | None = None,
        rolesanywhere: str | None = None,
        route53: str | None = None,
        route53domains: str | None = None,
        route53profiles: str | None = None,
        route53recoverycontrolconfig: str | None = None,
        route53recoveryreadiness: str | None = None,
        route53resolver: str | None = None,
        rum: str | None = None,
        s3: str | None = None,
        s3api: str | None = None,
        s3control: str | None = None,
        s3outposts: str | None = None,
        s3tables: str | None = None,
        sagemaker: str | None = None,
        scheduler: str | None = None,
        schemas: str | None = None,
        sdb: str | None = None,
        secretsmanager: str | None = None,
        securityhub: str | None = None,
        securitylake: str | None = None,
        serverlessapplicationrepository: str | None = None,
        serverlessapprepo: str | None = None,
        serverlessrepo: str | None = None,
        servicecatalog: str | None = None,
        servicecatalogappregistry: str | None = None,
        servicediscovery: str | None = None,
        servicequotas: str | None = None,
        ses: str | None = None,
        sesv2: str | None = None,
        sfn: str | None = None,
        shield: str | None = None,
        signer: str | None = None,
        simpledb: str | None = None,
        sns: str | None = None,
        sqs: str | None = None,
        ssm: str | None = None,
        ssmcontacts: str | None = None,
        ssmincidents: str | None = None,
        ssmquicksetup: str | None = None,
        ssmsap: str | None = None,
        sso: str | None = None,
        ssoadmin: str | None = None,
        stepfunctions: str | None = None,
        storagegateway: str | None = None,
        sts: str | None = None,
        swf: str | None = None,
        synthetics: str | None = None,
        taxsettings: str | None = None,
        timestreaminfluxdb: str | None = None,
        timestreamquery: str | None = None,
        timestreamwrite: str | None = None,
        transcribe: str | None = None,
        transcribeservice: str | None = None,
        transfer: str | None = None,
        verifiedpermissions: str | None = None,
        vpclattice: str | None = None,
        waf: str | None = None,
        wafregional: str | None = None,
        wafv2: str | None = None,
        wellarchitected: str | None = None,
        worklink: str | None = None,
        workspaces: str | None = None,
        workspacesweb: str | None = None,
        xray: str | None = None,
    ) -> None:
        _set(self, 'accessanalyzer', accessanalyzer)
        _set(self, 'account', account)
        _set(self, 'acm', acm)
        _set(self, 'acmpca', acmpca)
        _set(self, 'amg', amg)
        _set(self, 'amp', amp)
        _set(self, 'amplify', amplify)
        _set(self, 'apigateway', apigateway)
        _set(self, 'apigatewayv2', apigatewayv2)
        _set(self, 'appautoscaling', appautoscaling)
        _set(self, 'appconfig', appconfig)
        _set(self, 'appfabric', appfabric)
        _set(self, 'appflow', appflow)
        _set(self, 'appintegrations', appintegrations)
        _set(self, 'appintegrationsservice', appintegrationsservice)
        _set(self, 'applicationautoscaling', applicationautoscaling)
        _set(self, 'applicationinsights', applicationinsights)
        _set(self, 'applicationsignals', applicationsignals)
        _set(self, 'appmesh', appmesh)
        _set(self, 'appregistry', appregistry)
        _set(self, 'apprunner', apprunner)
        _set(self, 'appstream', appstream)
        _set(self, 'appsync', appsync)
        _set(self, 'athena', athena)
        _set(self, 'auditmanager', auditmanager)
        _set(self, 'autoscaling', autoscaling)
        _set(self, 'autoscalingplans', autoscalingplans)
        _set(self, 'backup', backup)
        _set(self, 'batch', batch)
        _set(self, 'bcmdataexports', bcmdataexports)
        _set(self, 'beanstalk', beanstalk)
        _set(self, 'bedrock', bedrock)
        _set(self, 'bedrockagent', bedrockagent)
        _set(self, 'billing', billing)
        _set(self, 'budgets', budgets)
        _set(self, 'ce', ce)
        _set(self, 'chatbot', chatbot)
        _set(self, 'chime', chime)
        _set(self, 'chimesdkmediapipelines', chimesdkmediapipelines)
        _set(self, 'chimesdkvoice', chimesdkvoice)
        _set(self, 'cleanrooms', cleanrooms)
        _set(self, 'cloud9', cloud9)
        _set(self, 'cloudcontrol', cloudcontrol)
        _set(self, 'cloudcontrolapi', cloudcontrolapi)
        _set(self, 'cloudformation', cloudformation)
        _set(self, 'cloudfront', cloudfront)
        _set(self, 'cloudfrontkeyvaluestore', cloudfrontkeyvaluestore)
        _set(self, 'cloudhsm', cloudhsm)
        _set(self, 'cloudhsmv2', cloudhsmv2)
        _set(self, 'cloudsearch', cloudsearch)
        _set(self, 'cloudtrail', cloudtrail)
        _set(self, 'cloudwatch', cloudwatch)
        _set(self, 'cloudwatchevents', cloudwatchevents)
        _set(self, 'cloudwatchevidently', cloudwatchevidently)
        _set(self, 'cloudwatchlog', cloudwatchlog)
        _set(self, 'cloudwatchlogs', cloudwatchlogs)
        _set(self, 'cloudwatchobservabilityaccessmanager', cloudwatchobservabilityaccessmanager)
        _set(self, 'cloudwatchrum', cloudwatchrum)
        _set(self, 'codeartifact', codeartifact)
        _set(self, 'codebuild', codebuild)
        _set(self, 'codecatalyst', codecatalyst)
        _set(self, 'codecommit', codecommit)
        _set(self, 'codeconnections', codeconnections)
        _set(self, 'codedeploy', codedeploy)
        _set(self, 'codeguruprofiler', codeguruprofiler)
        _set(self, 'codegurureviewer', codegurureviewer)
        _set(self, 'codepipeline', codepipeline)
        _set(self, 'codestarconnections', codestarconnections)
        _set(self, 'codestarnotifications', codestarnotifications)
        _set(self, 'cognitoidentity', cognitoidentity)
        _set(self, 'cognitoidentityprovider', cognitoidentityprovider)
        _set(self, 'cognitoidp', cognitoidp)
        _set(self, 'comprehend', comprehend)
        _set(self, 'computeoptimizer', computeoptimizer)
        _set(self, 'config', config)
        _set(self, 'configservice', configservice)
        _set(self, 'connect', connect)
        _set(self, 'connectcases', connectcases)
        _set(self, 'controltower', controltower)
        _set(self, 'costandusagereportservice', costandusagereportservice)
        _set(self, 'costexplorer', costexplorer)
        _set(self, 'costoptimizationhub', costoptimizationhub)
        _set(self, 'cur', cur)
        _set(self, 'customerprofiles', customerprofiles)
        _set(self, 'databasemigration', databasemigration)
        _set(self, 'databasemigrationservice', databasemigrationservice)
        _set(self, 'databrew', databrew)
        _set(self, 'dataexchange', dataexchange)
        _set(self, 'datapipeline', datapipeline)
        _set(self, 'datasync', datasync)
        _set(self, 'datazone', datazone)
        _set(self, 'dax', dax)
        _set(self, 'deploy', deploy)
        _set(self, 'detective', detective)
        _set(self, 'devicefarm', devicefarm)
        _set(self, 'devopsguru', devopsguru)
        _set(self, 'directconnect', directconnect)
        _set(self, 'directoryservice', directoryservice)
        _set(self, 'dlm', dlm)
        _set(self, 'dms', dms)
        _set(self, 'docdb', docdb)
        _set(self, 'docdbelastic', docdbelastic)
        _set(self, 'drs', drs)
        _set(self, 'ds', ds)
        _set(self, 'dsql', dsql)
        _set(self, 'dynamodb', dynamodb)
        _set(self, 'ec2', ec2)
        _set(self, 'ecr', ecr)
        _set(self, 'ecrpublic', ecrpublic)
        _set(self, 'ecs', ecs)
        _set(self, 'efs', efs)
        _set(self, 'eks', eks)
        _set(self, 'elasticache', elasticache)
        _set(self, 'elasticbeanstalk', elasticbeanstalk)
        _set(self, 'elasticloadbalancing', elasticloadbalancing)
        _set(self, 'elasticloadbalancingv2', elasticloadbalancingv2)
        _set(self, 'elasticsearch', elasticsearch)
        _set(self, 'elasticsearchservice', elasticsearchservice)
        _set(self, 'elastictranscoder', elastictranscoder)
        _set(self, 'elb', elb)
        _set(self, 'elbv2', elbv2)
        _set(self, 'emr', emr)
        _set(self, 'emrcontainers', emrcontainers)
        _set(self, 'emrserverless', emrserverless)
        _set(self, 'es', es)
        _set(self, 'eventbridge', eventbridge)
        _set(self, 'events', events)
        _set(self, 'evidently', evidently)
        _set(self, 'evs', evs)
        _set(self, 'finspace', finspace)
        _set(self, 'firehose', firehose)
        _set(self, 'fis', fis)
        _set(self, 'fms', fms)
        _set(self, 'fsx', fsx)
        _set(self, 'gamelift', gamelift)
        _set(self, 'glacier', glacier)
        _set(self, 'globalaccelerator', globalaccelerator)
        _set(self, 'glue', glue)
        _set(self, 'gluedatabrew', gluedatabrew)
        _set(self, 'grafana', grafana)
        _set(self, 'greengrass', greengrass)
        _set(self, 'groundstation', groundstation)
        _set(self, 'guardduty', guardduty)
        _set(self, 'healthlake', healthlake)
        _set(self, 'iam', iam)
        _set(self, 'identitystore', identitystore)
        _set(self, 'imagebuilder', imagebuilder)
        _set(self, 'inspector', inspector)
        _set(self, 'inspector2', inspector2)
        _set(self, 'inspectorv2', inspectorv2)
        _set(self, 'internetmonitor', internetmonitor)
        _set(self, 'invoicing', invoicing)
        _set(self, 'iot', iot)
        _set(self, 'iotanalytics', iotanalytics)
        _set(self, 'iotevents', iotevents)
        _set(self, 'ivs', ivs)
        _set(self, 'ivschat', ivschat)
        _set(self, 'kafka', kafka)
        _set(self, 'kafkaconnect', kafkaconnect)
        _set(self, 'kendra', kendra)
        _set(self, 'keyspaces', keyspaces)
        _set(self, 'kinesis', kinesis)
        _set(self, 'kinesisanalytics', kinesisanalytics)
        _set(self, 'kinesisanalyticsv2', kinesisanalyticsv2)
        _set(self, 'kinesisvideo', kinesisvideo)
        _set(self, 'kms', kms)
        _set(self, 'lakeformation', lakeformation)
        _set(self, 'lambda_', lambda_)
        _set(self, 'launchwizard', launchwizard)
        _set(self, 'lex', lex)
        _set(self, 'lexmodelbuilding', lexmodelbuilding)
        _set(self, 'lexmodelbuildingservice', lexmodelbuildingservice)
        _set(self, 'lexmodels', lexmodels)
        _set(self, 'lexmodelsv2', lexmodelsv2)
        _set(self, 'lexv2models', lexv2models)
        _set(self, 'licensemanager', licensemanager)
        _set(self, 'lightsail', lightsail)
        _set(self, 'location', location)
        _set(self, 'locationservice', locationservice)
        _set(self, 'logs', logs)
        _set(self, 'lookoutmetrics', lookoutmetrics)
        _set(self, 'm2', m2)
        _set(self, 'macie2', macie2)
        _set(self, 'managedgrafana', managedgrafana)
        _set(self, 'mediaconnect', mediaconnect)
        _set(self, 'mediaconvert', mediaconvert)
        _set(self, 'medialive', medialive)
        _set(self, 'mediapackage', mediapackage)
        _set(self, 'mediapackagev2', mediapackagev2)
        _set(self, 'mediapackagevod', mediapackagevod)
        _set(self, 'mediastore', mediastore)
        _set(self, 'memorydb', memorydb)
        _set(self, 'mgn', mgn)
        _set(self, 'mq', mq)
        _set(self, 'msk', msk)
        _set(self, 'mwaa', mwaa)
        _set(self, 'neptune', neptune)
        _set(self, 'neptunegraph', neptunegraph)
        _set(self, 'networkfirewall', networkfirewall)
        _set(self, 'networkmanager', networkmanager)
        _set(self, 'networkmonitor', networkmonitor)
        _set(self, 'notifications', notifications)
        _set(self, 'notificationscontacts', notificationscontacts)
        _set(self, 'oam', oam)
        _set(self, 'opensearch', opensearch)
        _set(self, 'opensearchingestion', opensearchingestion)
        _set(self, 'opensearchserverless', opensearchserverless)
        _set(self, 'opensearchservice', opensearchservice)
        _set(self, 'opsworks', opsworks)
        _set(self, 'organizations', organizations)
        _set(self, 'osis', osis)
        _set(self, 'outposts', outposts)
        _set(self, 'paymentcryptography', paymentcryptography)
        _set(self, 'pcaconnectorad', pcaconnectorad)
        _set(self, 'pcs', pcs)
        _set(self, 'pinpoint', pinpoint)
        _set(self, 'pinpointsmsvoicev2', pinpointsmsvoicev2)
        _set(self, 'pipes', pipes)
        _set(self, 'polly', polly)
        _set(self, 'pricing', pricing)
        _set(self, 'prometheus', prometheus)
        _set(self, 'prometheusservice', prometheusservice)
        _set(self, 'qbusiness', qbusiness)
        _set(self, 'qldb', qldb)
        _set(self, 'quicksight', quicksight)
        _set(self, 'ram', ram)
        _set(self, 'rbin', rbin)
        _set(self, 'rds', rds)
        _set(self, 'recyclebin', recyclebin)
        _set(self, 'redshift', redshift)
        _set(self, 'redshiftdata', redshiftdata)
        _set(self, 'redshiftdataapiservice', redshiftdataapiservice)
        _set(self, 'redshiftserverless', redshiftserverless)
        _set(self, 'rekognition', rekognition)
        _set(self, 'resiliencehub', resiliencehub)
        _set(self, 'resourceexplorer2', resourceexplorer2)
        _set(self, 'resourcegroups', resourcegroups)
        _set(self, 'resourcegroupstagging', resourcegroupstagging)
        _set(self, 'resourcegroupstaggingapi', resourcegroupstaggingapi)
        _set(self, 'rolesanywhere', rolesanywhere)
        _set(self, 'route53', route53)
        _set(self, 'route53domains', route53domains)
        _set(self, 'route53profiles', route53profiles)
        _set(self, 'route53recoverycontrolconfig', route53recoverycontrolconfig)
        _set(self, 'route53recoveryreadiness', route53recoveryreadiness)
        _set(self, 'route53resolver', route53resolver)
        _set(self, 'rum', rum)
        _set(self, 's3', s3)
        _set(self, 's3api', s3api)
        _set(self, 's3control', s3control)
        _set(self, 's3outposts', s3outposts)
        _set(self, 's3tables', s3tables)
        _set(self, 'sagemaker', sagemaker)
        _set(self, 'scheduler', scheduler)
        _set(self, 'schemas', schemas)
        _set(self, 'sdb', sdb)
        _set(self, 'secretsmanager', secretsmanager)
        _set(self, 'securityhub', securityhub)
        _set(self, 'securitylake', securitylake)
        _set(self, 'serverlessapplicationrepository', serverlessapplicationrepository)
        _set(self, 'serverlessapprepo', serverlessapprepo)
        _set(self, 'serverlessrepo', serverlessrepo)
        _set(self, 'servicecatalog', servicecatalog)
        _set(self, 'servicecatalogappregistry', servicecatalogappregistry)
        _set(self, 'servicediscovery', servicediscovery)
        _set(self, 'servicequotas', servicequotas)
        _set(self, 'ses', ses)
        _set(self, 'sesv2', sesv2)
        _set(self, 'sfn', sfn)
        _set(self, 'shield', shield)
        _set(self, 'signer', signer)
        _set(self, 'simpledb', simpledb)
        _set(self, 'sns', sns)
        _set(self, 'sqs', sqs)
        _set(self, 'ssm', ssm)
        _set(self, 'ssmcontacts', ssmcontacts)
        _set(self, 'ssmincidents', ssmincidents)
        _set(self, 'ssmquicksetup', ssmquicksetup)
        _set(self, 'ssmsap', ssmsap)
        _set(self, 'sso', sso)
        _set(self, 'ssoadmin', ssoadmin)
        _set(self, 'stepfunctions', stepfunctions)
        _set(self, 'storagegateway', storagegateway)
        _set(self, 'sts', sts)
        _set(self, 'swf', swf)
        _set(self, 'synthetics', synthetics)
        _set(self, 'taxsettings', taxsettings)
        _set(self, 'timestreaminfluxdb', timestreaminfluxdb)
        _set(self, 'timestreamquery', timestreamquery)
        _set(self, 'timestreamwrite', timestreamwrite)
        _set(self, 'transcribe', transcribe)
        _set(self, 'transcribeservice', transcribeservice)
        _set(self, 'transfer', transfer)
        _set(self, 'verifiedpermissions', verifiedpermissions)
        _set(self, 'vpclattice', vpclattice)
        _set(self, 'waf', waf)
        _set(self, 'wafregional', wafregional)
        _set(self, 'wafv2', wafv2)
        _set(self, 'wellarchitected', wellarchitected)
        _set(self, 'worklink', worklink)
        _set(self, 'workspaces', workspaces)
        _set(self, 'workspacesweb', workspacesweb)
        _set(self, 'xray', xray)


class AwsProviderConfigIgnoreTags(Block):
    """``ignore_tags`` block of AwsProviderConfig."""

    __slots__ = ('key_prefixes', 'keys')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('key_prefixes', 'keys')
    KINDS: ClassVar[dict[str, Any]] = {
        'key_prefixes': ["set", "string"],
        'keys': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['key_prefixes', 'keys'])

    def __init__(
        self,
        *,
        key_prefixes: Sequence[str] | str | None = None,
        keys: Sequence[str] | str | None = None,
    ) -> None:
        _set(self, 'key_prefixes', key_prefixes)
        _set(self, 'keys', keys)


class AwsProviderConfig(Block):
    """Arguments of ``provider "aws"``."""

    __slots__ = ('access_key', 'allowed_account_ids', 'custom_ca_bundle', 'ec2_metadata_service_endpoint', 'ec2_metadata_service_endpoint_mode', 'forbidden_account_ids', 'http_proxy', 'https_proxy', 'insecure', 'max_retries', 'no_proxy', 'profile', 'region', 'retry_mode', 's3_us_east_1_regional_endpoint', 's3_use_path_style', 'secret_key', 'shared_config_files', 'shared_credentials_files', 'skip_credentials_validation', 'skip_metadata_api_check', 'skip_region_validation', 'skip_requesting_account_id', 'sts_region', 'token', 'token_bucket_rate_limiter_capacity', 'use_dualstack_endpoint', 'use_fips_endpoint', 'assume_role', 'assume_role_with_web_identity', 'default_tags', 'endpoints', 'ignore_tags')
    TF_TYPE: ClassVar[str] = 'aws'
    FIELDS: ClassVar[tuple[str, ...]] = ('access_key', 'allowed_account_ids', 'custom_ca_bundle', 'ec2_metadata_service_endpoint', 'ec2_metadata_service_endpoint_mode', 'forbidden_account_ids', 'http_proxy', 'https_proxy', 'insecure', 'max_retries', 'no_proxy', 'profile', 'region', 'retry_mode', 's3_us_east_1_regional_endpoint', 's3_use_path_style', 'secret_key', 'shared_config_files', 'shared_credentials_files', 'skip_credentials_validation', 'skip_metadata_api_check', 'skip_region_validation', 'skip_requesting_account_id', 'sts_region', 'token', 'token_bucket_rate_limiter_capacity', 'use_dualstack_endpoint', 'use_fips_endpoint', 'assume_role', 'assume_role_with_web_identity', 'default_tags', 'endpoints', 'ignore_tags')
    KINDS: ClassVar[dict[str, Any]] = {
        'access_key': "string",
        'allowed_account_ids': ["set", "string"],
        'custom_ca_bundle': "string",
        'ec2_metadata_service_endpoint': "string",
        'ec2_metadata_service_endpoint_mode': "string",
        'forbidden_account_ids': ["set", "string"],
        'http_proxy': "string",
        'https_proxy': "string",
        'insecure': "bool",
        'max_retries': "number",
        'no_proxy': "string",
        'profile': "string",
        'region': "string",
        'retry_mode': "string",
        's3_us_east_1_regional_endpoint': "string",
        's3_use_path_style': "bool",
        'secret_key': "string",
        'shared_config_files': ["list", "string"],
        'shared_credentials_files': ["list", "string"],
        'skip_credentials_validation': "bool",
        'skip_metadata_api_check': "string",
        'skip_region_validation': "bool",
        'skip_requesting_account_id': "bool",
        'sts_region': "string",
        'token': "string",
        'token_bucket_rate_limiter_capacity': "number",
        'use_dualstack_endpoint': "bool",
        'use_fips_endpoint': "bool",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'assume_role': ('list', AwsProviderConfigAssumeRole),
        'assume_role_with_web_identity': ('list', AwsProviderConfigAssumeRoleWithWebIdentity),
        'default_tags': ('list', AwsProviderConfigDefaultTags),
        'endpoints': ('set', AwsProviderConfigEndpoints),
        'ignore_tags': ('list', AwsProviderConfigIgnoreTags),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['access_key', 'allowed_account_ids', 'assume_role', 'assume_role_with_web_identity', 'custom_ca_bundle', 'default_tags', 'ec2_metadata_service_endpoint', 'ec2_metadata_service_endpoint_mode', 'endpoints', 'forbidden_account_ids', 'http_proxy', 'https_proxy', 'ignore_tags', 'insecure', 'max_retries', 'no_proxy', 'profile', 'region', 'retry_mode', 's3_us_east_1_regional_endpoint', 's3_use_path_style', 'secret_key', 'shared_config_files', 'shared_credentials_files', 'skip_credentials_validation', 'skip_metadata_api_check', 'skip_region_validation', 'skip_requesting_account_id', 'sts_region', 'token', 'token_bucket_rate_limiter_capacity', 'use_dualstack_endpoint', 'use_fips_endpoint'])

    def __init__(
        self,
        *,
        access_key: str | None = None,
        allowed_account_ids: Sequence[str] | str | None = None,
        custom_ca_bundle: str | None = None,
        ec2_metadata_service_endpoint: str | None = None,
        ec2_metadata_service_endpoint_mode: str | None = None,
        forbidden_account_ids: Sequence[str] | str | None = None,
        http_proxy: str | None = None,
        https_proxy: str | None = None,
        insecure: bool | str | None = None,
        max_retries: int | float | str | None = None,
        no_proxy: str | None = None,
        profile: str | None = None,
        region: str | None = None,
        retry_mode: str | None = None,
        s3_us_east_1_regional_endpoint: str | None = None,
        s3_use_path_style: bool | str | None = None,
        secret_key: str | None = None,
        shared_config_files: Sequence[str] | str | None = None,
        shared_credentials_files: Sequence[str] | str | None = None,
        skip_credentials_validation: bool | str | None = None,
        skip_metadata_api_check: str | None = None,
        skip_region_validation: bool | str | None = None,
        skip_requesting_account_id: bool | str | None = None,
        sts_region: str | None = None,
        token: str | None = None,
        token_bucket_rate_limiter_capacity: int | float | str | None = None,
        use_dualstack_endpoint: bool | str | None = None,
        use_fips_endpoint: bool | str | None = None,
        assume_role: Sequence[AwsProviderConfigAssumeRole] | AwsProviderConfigAssumeRole | None = None,
        assume_role_with_web_identity: Sequence[AwsProviderConfigAssumeRoleWithWebIdentity] | AwsProviderConfigAssumeRoleWithWebIdentity | None = None,
        default_tags: Sequence[AwsProviderConfigDefaultTags] | AwsProviderConfigDefaultTags | None = None,
        endpoints: Sequence[AwsProviderConfigEndpoints] | AwsProviderConfigEndpoints | None = None,
        ignore_tags: Sequence[AwsProviderConfigIgnoreTags] | AwsProviderConfigIgnoreTags | None = None,
    ) -> None:
        _set(self, 'access_key', access_key)
        _set(self, 'allowed_account_ids', allowed_account_ids)
        _set(self, 'custom_ca_bundle', custom_ca_bundle)
        _set(self, 'ec2_metadata_service_endpoint', ec2_metadata_service_endpoint)
        _set(self, 'ec2_metadata_service_endpoint_mode', ec2_metadata_service_endpoint_mode)
        _set(self, 'forbidden_account_ids', forbidden_account_ids)
        _set(self, 'http_proxy', http_proxy)
        _set(self, 'https_proxy', https_proxy)
        _set(self, 'insecure', insecure)
        _set(self, 'max_retries', max_retries)
        _set(self, 'no_proxy', no_proxy)
        _set(self, 'profile', profile)
        _set(self, 'region', region)
        _set(self, 'retry_mode', retry_mode)
        _set(self, 's3_us_east_1_regional_endpoint', s3_us_east_1_regional_endpoint)
        _set(self, 's3_use_path_style', s3_use_path_style)
        _set(self, 'secret_key', secret_key)
        _set(self, 'shared_config_files', shared_config_files)
        _set(self, 'shared_credentials_files', shared_credentials_files)
        _set(self, 'skip_credentials_validation', skip_credentials_validation)
        _set(self, 'skip_metadata_api_check', skip_metadata_api_check)
        _set(self, 'skip_region_validation', skip_region_validation)
        _set(self, 'skip_requesting_account_id', skip_requesting_account_id)
        _set(self, 'sts_region', sts_region)
        _set(self, 'token', token)
        _set(self, 'token_bucket_rate_limiter_capacity', token_bucket_rate_limiter_capacity)
        _set(self, 'use_dualstack_endpoint', use_dualstack_endpoint)
        _set(self, 'use_fips_endpoint', use_fips_endpoint)
        _set(self, 'assume_role', assume_role)
        _set(self, 'assume_role_with_web_identity', assume_role_with_web_identity)
        _set(self, 'default_tags', default_tags)
        _set(self, 'endpoints', endpoints)
        _set(self, 'ignore_tags', ignore_tags)


class AwsEc2SubnetCidrReservation(Block):
    """Arguments of resource ``aws_ec2_subnet_cidr_reservation``."""

    __slots__ = ('cidr_block', 'description', 'reservation_type', 'subnet_id')
    TF_TYPE: ClassVar[str] = 'aws_ec2_subnet_cidr_reservation'
    FIELDS: ClassVar[tuple[str, ...]] = ('cidr_block', 'description', 'reservation_type', 'subnet_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'cidr_block': "string",
        'description': "string",
        'reservation_type': "string",
        'subnet_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['cidr_block', 'reservation_type', 'subnet_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['cidr_block', 'description', 'id', 'owner_id', 'reservation_type', 'subnet_id'])

    def __init__(
        self,
        *,
        cidr_block: str | None = None,
        description: str | None = None,
        reservation_type: str | None = None,
        subnet_id: str | None = None,
    ) -> None:
        _set(self, 'cidr_block', cidr_block)
        _set(self, 'description', description)
        _set(self, 'reservation_type', reservation_type)
        _set(self, 'subnet_id', subnet_id)


class AwsEgressOnlyInternetGateway(Block):
    """Arguments of resource ``aws_egress_only_internet_gateway``."""

    __slots__ = ('tags', 'vpc_id')
    TF_TYPE: ClassVar[str] = 'aws_egress_only_internet_gateway'
    FIELDS: ClassVar[tuple[str, ...]] = ('tags', 'vpc_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['vpc_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['id', 'tags', 'tags_all', 'vpc_id'])

    def __init__(
        self,
        *,
        tags: Mapping[str, str] | str | None = None,
        vpc_id: str | None = None,
    ) -> None:
        _set(self, 'tags', tags)
        _set(self, 'vpc_id', vpc_id)


class AwsEipTimeouts(Block):
    """``timeouts`` block of AwsEip."""

    __slots__ = ('delete', 'read', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('delete', 'read', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'delete': "string",
        'read': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete', 'read', 'update'])

    def __init__(
        self,
        *,
        delete: str | None = None,
        read: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'delete', delete)
        _set(self, 'read', read)
        _set(self, 'update', update)


class AwsEip(Block):
    """Arguments of resource ``aws_eip``."""

    __slots__ = ('address', 'associate_with_private_ip', 'customer_owned_ipv4_pool', 'domain', 'instance', 'ipam_pool_id', 'network_border_group', 'network_interface', 'public_ipv4_pool', 'tags', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_eip'
    FIELDS: ClassVar[tuple[str, ...]] = ('address', 'associate_with_private_ip', 'customer_owned_ipv4_pool', 'domain', 'instance', 'ipam_pool_id', 'network_border_group', 'network_interface', 'public_ipv4_pool', 'tags', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'address': "string",
        'associate_with_private_ip': "string",
        'customer_owned_ipv4_pool': "string",
        'domain': "string",
        'instance': "string",
        'ipam_pool_id': "string",
        'network_border_group': "string",
        'network_interface': "string",
        'public_ipv4_pool': "string",
        'tags': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsEipTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['address', 'allocation_id', 'arn', 'associate_with_private_ip', 'association_id', 'carrier_ip', 'customer_owned_ip', 'customer_owned_ipv4_pool', 'domain', 'id', 'instance', 'ipam_pool_id', 'network_border_group', 'network_interface', 'private_dns', 'private_ip', 'ptr_record', 'public_dns', 'public_ip', 'public_ipv4_pool', 'tags', 'tags_all', 'timeouts', 'vpc'])

    def __init__(
        self,
        *,
        address: str | None = None,
        associate_with_private_ip: str | None = None,
        customer_owned_ipv4_pool: str | None = None,
        domain: str | None = None,
        instance: str | None = None,
        ipam_pool_id: str | None = None,
        network_border_group: str | None = None,
        network_interface: str | None = None,
        public_ipv4_pool: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        timeouts: AwsEipTimeouts | None = None,
    ) -> None:
        _set(self, 'address', address)
        _set(self, 'associate_with_private_ip', associate_with_private_ip)
        _set(self, 'customer_owned_ipv4_pool', customer_owned_ipv4_pool)
        _set(self, 'domain', domain)
        _set(self, 'instance', instance)
        _set(self, 'ipam_pool_id', ipam_pool_id)
        _set(self, 'network_border_group', network_border_group)
        _set(self, 'network_interface', network_interface)
        _set(self, 'public_ipv4_pool', public_ipv4_pool)
        _set(self, 'tags', tags)
        _set(self, 'timeouts', timeouts)


class AwsInstanceCapacityReservationSpecificationCapacityReservationTarget(Block):
    """``capacity_reservation_target`` block of AwsInstanceCapacityReservationSpecification."""

    __slots__ = ('capacity_reservation_id', 'capacity_reservation_resource_group_arn')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('capacity_reservation_id', 'capacity_reservation_resource_group_arn')
    KINDS: ClassVar[dict[str, Any]] = {
        'capacity_reservation_id': "string",
        'capacity_reservation_resource_group_arn': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['capacity_reservation_id', 'capacity_reservation_resource_group_arn'])

    def __init__(
        self,
        *,
        capacity_reservation_id: str | None = None,
        capacity_reservation_resource_group_arn: str | None = None,
    ) -> None:
        _set(self, 'capacity_reservation_id', capacity_reservation_id)
        _set(self, 'capacity_reservation_resource_group_arn', capacity_reservation_resource_group_arn)


class AwsInstanceCapacityReservationSpecification(Block):
    """``capacity_reservation_specification`` block of AwsInstance."""

    __slots__ = ('capacity_reservation_preference', 'capacity_reservation_target')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('capacity_reservation_preference', 'capacity_reservation_target')
    KINDS: ClassVar[dict[str, Any]] = {
        'capacity_reservation_preference': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'capacity_reservation_target': ('list1', AwsInstanceCapacityReservationSpecificationCapacityReservationTarget),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['capacity_reservation_preference', 'capacity_reservation_target'])

    def __init__(
        self,
        *,
        capacity_reservation_preference: str | None = None,
        capacity_reservation_target: Sequence[AwsInstanceCapacityReservationSpecificationCapacityReservationTarget] | AwsInstanceCapacityReservationSpecificationCapacityReservationTarget | None = None,
    ) -> None:
        _set(self, 'capacity_reservation_preference', capacity_reservation_preference)
        _set(self, 'capacity_reservation_target', capacity_reservation_target)


class AwsInstanceCpuOptions(Block):
    """``cpu_options`` block of AwsInstance."""

    __slots__ = ('amd_sev_snp', 'core_count', 'threads_per_core')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('amd_sev_snp', 'core_count', 'threads_per_core')
    KINDS: ClassVar[dict[str, Any]] = {
        'amd_sev_snp': "string",
        'core_count': "number",
        'threads_per_core': "number",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['amd_sev_snp', 'core_count', 'threads_per_core'])

    def __init__(
        self,
        *,
        amd_sev_snp: str | None = None,
        core_count: int | float | str | None = None,
        threads_per_core: int | float | str | None = None,
    ) -> None:
        _set(self, 'amd_sev_snp', amd_sev_snp)
        _set(self, 'core_count', core_count)
        _set(self, 'threads_per_core', threads_per_core)


class AwsInstanceCreditSpecification(Block):
    """``credit_specification`` block of AwsInstance."""

    __slots__ = ('cpu_credits',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('cpu_credits',)
    KINDS: ClassVar[dict[str, Any]] = {
        'cpu_credits': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['cpu_credits'])

    def __init__(
        self,
        *,
        cpu_credits: str | None = None,
    ) -> None:
        _set(self, 'cpu_credits', cpu_credits)


class AwsInstanceEbsBlockDevice(Block):
    """``ebs_block_device`` block of AwsInstance."""

    __slots__ = ('delete_on_termination', 'device_name', 'encrypted', 'iops', 'kms_key_id', 'snapshot_id', 'tags', 'throughput', 'volume_size', 'volume_type')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('delete_on_termination', 'device_name', 'encrypted', 'iops', 'kms_key_id', 'snapshot_id', 'tags', 'throughput', 'volume_size', 'volume_type')
    KINDS: ClassVar[dict[str, Any]] = {
        'delete_on_termination': "bool",
        'device_name': "string",
        'encrypted': "bool",
        'iops': "number",
        'kms_key_id': "string",
        'snapshot_id': "string",
        'tags': ["map", "string"],
        'throughput': "number",
        'volume_size': "number",
        'volume_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['device_name'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete_on_termination', 'device_name', 'encrypted', 'iops', 'kms_key_id', 'snapshot_id', 'tags', 'tags_all', 'throughput', 'volume_id', 'volume_size', 'volume_type'])

    def __init__(
        self,
        *,
        delete_on_termination: bool | str | None = None,
        device_name: str | None = None,
        encrypted: bool | str | None = None,
        iops: int | float | str | None = None,
        kms_key_id: str | None = None,
        snapshot_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        throughput: int | float | str | None = None,
        volume_size: int | float | str | None = None,
        volume_type: str | None = None,
    ) -> None:
        _set(self, 'delete_on_termination', delete_on_termination)
        _set(self, 'device_name', device_name)
        _set(self, 'encrypted', encrypted)
        _set(self, 'iops', iops)
        _set(self, 'kms_key_id', kms_key_id)
        _set(self, 'snapshot_id', snapshot_id)
        _set(self, 'tags', tags)
        _set(self, 'throughput', throughput)
        _set(self, 'volume_size', volume_size)
        _set(self, 'volume_type', volume_type)


class AwsInstanceEnclaveOptions(Block):
    """``enclave_options`` block of AwsInstance."""

    __slots__ = ('enabled',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('enabled',)
    KINDS: ClassVar[dict[str, Any]] = {
        'enabled': "bool",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['enabled'])

    def __init__(
        self,
        *,
        enabled: bool | str | None = None,
    ) -> None:
        _set(self, 'enabled', enabled)


class AwsInstanceEphemeralBlockDevice(Block):
    """``ephemeral_block_device`` block of AwsInstance."""

    __slots__ = ('device_name', 'no_device', 'virtual_name')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('device_name', 'no_device', 'virtual_name')
    KINDS: ClassVar[dict[str, Any]] = {
        'device_name': "string",
        'no_device': "bool",
        'virtual_name': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['device_name'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['device_name', 'no_device', 'virtual_name'])

    def __init__(
        self,
        *,
        device_name: str | None = None,
        no_device: bool | str | None = None,
        virtual_name: str | None = None,
    ) -> None:
        _set(self, 'device_name', device_name)
        _set(self, 'no_device', no_device)
        _set(self, 'virtual_name', virtual_name)


class AwsInstanceInstanceMarketOptionsSpotOptions(Block):
    """``spot_options`` block of AwsInstanceInstanceMarketOptions."""

    __slots__ = ('instance_interruption_behavior', 'max_price', 'spot_instance_type', 'valid_until')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('instance_interruption_behavior', 'max_price', 'spot_instance_type', 'valid_until')
    KINDS: ClassVar[dict[str, Any]] = {
        'instance_interruption_behavior': "string",
        'max_price': "string",
        'spot_instance_type': "string",
        'valid_until': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['instance_interruption_behavior', 'max_price', 'spot_instance_type', 'valid_until'])

    def __init__(
        self,
        *,
        instance_interruption_behavior: str | None = None,
        max_price: str | None = None,
        spot_instance_type: str | None = None,
        valid_until: str | None = None,
    ) -> None:
        _set(self, 'instance_interruption_behavior', instance_interruption_behavior)
        _set(self, 'max_price', max_price)
        _set(self, 'spot_instance_type', spot_instance_type)
        _set(self, 'valid_until', valid_until)


class AwsInstanceInstanceMarketOptions(Block):
    """``instance_market_options`` block of AwsInstance."""

    __slots__ = ('market_type', 'spot_options')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('market_type', 'spot_options')
    KINDS: ClassVar[dict[str, Any]] = {
        'market_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'spot_options': ('list1', AwsInstanceInstanceMarketOptionsSpotOptions),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['market_type', 'spot_options'])

    def __init__(
        self,
        *,
        market_type: str | None = None,
        spot_options: Sequence[AwsInstanceInstanceMarketOptionsSpotOptions] | AwsInstanceInstanceMarketOptionsSpotOptions | None = None,
    ) -> None:
        _set(self, 'market_type', market_type)
        _set(self, 'spot_options', spot_options)


class AwsInstanceLaunchTemplate(Block):
    """``launch_template`` block of AwsInstance."""

    __slots__ = ('name', 'version')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('name', 'version')
    KINDS: ClassVar[dict[str, Any]] = {
        'name': "string",
        'version': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['id', 'name', 'version'])

    def __init__(
        self,
        *,
        name: str | None = None,
        version: str | None = None,
    ) -> None:
        _set(self, 'name', name)
        _set(self, 'version', version)


class AwsInstanceMaintenanceOptions(Block):
    """``maintenance_options`` block of AwsInstance."""

    __slots__ = ('auto_recovery',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('auto_recovery',)
    KINDS: ClassVar[dict[str, Any]] = {
        'auto_recovery': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['auto_recovery'])

    def __init__(
        self,
        *,
        auto_recovery: str | None = None,
    ) -> None:
        _set(self, 'auto_recovery', auto_recovery)


class AwsInstanceMetadataOptions(Block):
    """``metadata_options`` block of AwsInstance."""

    __slots__ = ('http_endpoint', 'http_protocol_ipv6', 'http_put_response_hop_limit', 'http_tokens', 'instance_metadata_tags')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('http_endpoint', 'http_protocol_ipv6', 'http_put_response_hop_limit', 'http_tokens', 'instance_metadata_tags')
    KINDS: ClassVar[dict[str, Any]] = {
        'http_endpoint': "string",
        'http_protocol_ipv6': "string",
        'http_put_response_hop_limit': "number",
        'http_tokens': "string",
        'instance_metadata_tags': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['http_endpoint', 'http_protocol_ipv6', 'http_put_response_hop_limit', 'http_tokens', 'instance_metadata_tags'])

    def __init__(
        self,
        *,
        http_endpoint: str | None = None,
        http_protocol_ipv6: str | None = None,
        http_put_response_hop_limit: int | float | str | None = None,
        http_tokens: str | None = None,
        instance_metadata_tags: str | None = None,
    ) -> None:
        _set(self, 'http_endpoint', http_endpoint)
        _set(self, 'http_protocol_ipv6', http_protocol_ipv6)
        _set(self, 'http_put_response_hop_limit', http_put_response_hop_limit)
        _set(self, 'http_tokens', http_tokens)
        _set(self, 'instance_metadata_tags', instance_metadata_tags)


class AwsInstanceNetworkInterface(Block):
    """``network_interface`` block of AwsInstance."""

    __slots__ = ('delete_on_termination', 'device_index', 'network_card_index', 'network_interface_id')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('delete_on_termination', 'device_index', 'network_card_index', 'network_interface_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'delete_on_termination': "bool",
        'device_index': "number",
        'network_card_index': "number",
        'network_interface_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['device_index', 'network_interface_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete_on_termination', 'device_index', 'network_card_index', 'network_interface_id'])

    def __init__(
        self,
        *,
        delete_on_termination: bool | str | None = None,
        device_index: int | float | str | None = None,
        network_card_index: int | float | str | None = None,
        network_interface_id: str | None = None,
    ) -> None:
        _set(self, 'delete_on_termination', delete_on_termination)
        _set(self, 'device_index', device_index)
        _set(self, 'network_card_index', network_card_index)
        _set(self, 'network_interface_id', network_interface_id)


class AwsInstancePrivateDnsNameOptions(Block):
    """``private_dns_name_options`` block of AwsInstance."""

    __slots__ = ('enable_resource_name_dns_a_record', 'enable_resource_name_dns_aaaa_record', 'hostname_type')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('enable_resource_name_dns_a_record', 'enable_resource_name_dns_aaaa_record', 'hostname_type')
    KINDS: ClassVar[dict[str, Any]] = {
        'enable_resource_name_dns_a_record': "bool",
        'enable_resource_name_dns_aaaa_record': "bool",
        'hostname_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['enable_resource_name_dns_a_record', 'enable_resource_name_dns_aaaa_record', 'hostname_type'])

    def __init__(
        self,
        *,
        enable_resource_name_dns_a_record: bool | str | None = None,
        enable_resource_name_dns_aaaa_record: bool | str | None = None,
        hostname_type: str | None = None,
    ) -> None:
        _set(self, 'enable_resource_name_dns_a_record', enable_resource_name_dns_a_record)
        _set(self, 'enable_resource_name_dns_aaaa_record', enable_resource_name_dns_aaaa_record)
        _set(self, 'hostname_type', hostname_type)


class AwsInstanceRootBlockDevice(Block):
    """``root_block_device`` block of AwsInstance."""

    __slots__ = ('delete_on_termination', 'encrypted', 'iops', 'kms_key_id', 'tags', 'throughput', 'volume_size', 'volume_type')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('delete_on_termination', 'encrypted', 'iops', 'kms_key_id', 'tags', 'throughput', 'volume_size', 'volume_type')
    KINDS: ClassVar[dict[str, Any]] = {
        'delete_on_termination': "bool",
        'encrypted': "bool",
        'iops': "number",
        'kms_key_id': "string",
        'tags': ["map", "string"],
        'throughput': "number",
        'volume_size': "number",
        'volume_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete_on_termination', 'device_name', 'encrypted', 'iops', 'kms_key_id', 'tags', 'tags_all', 'throughput', 'volume_id', 'volume_size', 'volume_type'])

    def __init__(
        self,
        *,
        delete_on_termination: bool | str | None = None,
        encrypted: bool | str | None = None,
        iops: int | float | str | None = None,
        kms_key_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        throughput: int | float | str | None = None,
        volume_size: int | float | str | None = None,
        volume_type: str | None = None,
    ) -> None:
        _set(self, 'delete_on_termination', delete_on_termination)
        _set(self, 'encrypted', encrypted)
        _set(self, 'iops', iops)
        _set(self, 'kms_key_id', kms_key_id)
        _set(self, 'tags', tags)
        _set(self, 'throughput', throughput)
        _set(self, 'volume_size', volume_size)
        _set(self, 'volume_type', volume_type)


class AwsInstanceTimeouts(Block):
    """``timeouts`` block of AwsInstance."""

    __slots__ = ('create', 'delete', 'read', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'read', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'read': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'read', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        read: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'read', read)
        _set(self, 'update', update)


class AwsInstance(Block):
    """Arguments of resource ``aws_instance``."""

    __slots__ = ('ami', 'associate_public_ip_address', 'availability_zone', 'disable_api_stop', 'disable_api_termination', 'ebs_optimized', 'enable_primary_ipv6', 'get_password_data', 'hibernation', 'host_id', 'host_resource_group_arn', 'iam_instance_profile', 'instance_initiated_shutdown_behavior', 'instance_type', 'ipv6_address_count', 'ipv6_addresses', 'key_name', 'monitoring', 'placement_group', 'placement_partition_number', 'private_ip', 'secondary_private_ips', 'security_groups', 'source_dest_check', 'subnet_id', 'tags', 'tenancy', 'user_data', 'user_data_base64', 'user_data_replace_on_change', 'volume_tags', 'vpc_security_group_ids', 'capacity_reservation_specification', 'cpu_options', 'credit_specification', 'ebs_block_device', 'enclave_options', 'ephemeral_block_device', 'instance_market_options', 'launch_template', 'maintenance_options', 'metadata_options', 'network_interface', 'private_dns_name_options', 'root_block_device', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_instance'
    FIELDS: ClassVar[tuple[str, ...]] = ('ami', 'associate_public_ip_address', 'availability_zone', 'disable_api_stop', 'disable_api_termination', 'ebs_optimized', 'enable_primary_ipv6', 'get_password_data', 'hibernation', 'host_id', 'host_resource_group_arn', 'iam_instance_profile', 'instance_initiated_shutdown_behavior', 'instance_type', 'ipv6_address_count', 'ipv6_addresses', 'key_name', 'monitoring', 'placement_group', 'placement_partition_number', 'private_ip', 'secondary_private_ips', 'security_groups', 'source_dest_check', 'subnet_id', 'tags', 'tenancy', 'user_data', 'user_data_base64', 'user_data_replace_on_change', 'volume_tags', 'vpc_security_group_ids', 'capacity_reservation_specification', 'cpu_options', 'credit_specification', 'ebs_block_device', 'enclave_options', 'ephemeral_block_device', 'instance_market_options', 'launch_template', 'maintenance_options', 'metadata_options', 'network_interface', 'private_dns_name_options', 'root_block_device', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'ami': "string",
        'associate_public_ip_address': "bool",
        'availability_zone': "string",
        'disable_api_stop': "bool",
        'disable_api_termination': "bool",
        'ebs_optimized': "bool",
        'enable_primary_ipv6': "bool",
        'get_password_data': "bool",
        'hibernation': "bool",
        'host_id': "string",
        'host_resource_group_arn': "string",
        'iam_instance_profile': "string",
        'instance_initiated_shutdown_behavior': "string",
        'instance_type': "string",
        'ipv6_address_count': "number",
        'ipv6_addresses': ["list", "string"],
        'key_name': "string",
        'monitoring': "bool",
        'placement_group': "string",
        'placement_partition_number': "number",
        'private_ip': "string",
        'secondary_private_ips': ["set", "string"],
        'security_groups': ["set", "string"],
        'source_dest_check': "bool",
        'subnet_id': "string",
        'tags': ["map", "string"],
        'tenancy': "string",
        'user_data': "string",
        'user_data_base64': "string",
        'user_data_replace_on_change': "bool",
        'volume_tags': ["map", "string"],
        'vpc_security_group_ids': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'capacity_reservation_specification': ('list1', AwsInstanceCapacityReservationSpecification),
        'cpu_options': ('list1', AwsInstanceCpuOptions),
        'credit_specification': ('list1', AwsInstanceCreditSpecification),
        'ebs_block_device': ('set', AwsInstanceEbsBlockDevice),
        'enclave_options': ('list1', AwsInstanceEnclaveOptions),
        'ephemeral_block_device': ('set', AwsInstanceEphemeralBlockDevice),
        'instance_market_options': ('list1', AwsInstanceInstanceMarketOptions),
        'launch_template': ('list1', AwsInstanceLaunchTemplate),
        'maintenance_options': ('list1', AwsInstanceMaintenanceOptions),
        'metadata_options': ('list1', AwsInstanceMetadataOptions),
        'network_interface': ('set', AwsInstanceNetworkInterface),
        'private_dns_name_options': ('list1', AwsInstancePrivateDnsNameOptions),
        'root_block_device': ('list1', AwsInstanceRootBlockDevice),
        'timeouts': ('single', AwsInstanceTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['ami', 'arn', 'associate_public_ip_address', 'availability_zone', 'capacity_reservation_specification', 'cpu_core_count', 'cpu_options', 'cpu_threads_per_core', 'credit_specification', 'disable_api_stop', 'disable_api_termination', 'ebs_block_device', 'ebs_optimized', 'enable_primary_ipv6', 'enclave_options', 'ephemeral_block_device', 'get_password_data', 'hibernation', 'host_id', 'host_resource_group_arn', 'iam_instance_profile', 'id', 'instance_initiated_shutdown_behavior', 'instance_lifecycle', 'instance_market_options', 'instance_state', 'instance_type', 'ipv6_address_count', 'ipv6_addresses', 'key_name', 'launch_template', 'maintenance_options', 'metadata_options', 'monitoring', 'network_interface', 'outpost_arn', 'password_data', 'placement_group', 'placement_partition_number', 'primary_network_interface_id', 'private_dns', 'private_dns_name_options', 'private_ip', 'public_dns', 'public_ip', 'root_block_device', 'secondary_private_ips', 'security_groups', 'source_dest_check', 'spot_instance_request_id', 'subnet_id', 'tags', 'tags_all', 'tenancy', 'timeouts', 'user_data', 'user_data_base64', 'user_data_replace_on_change', 'volume_tags', 'vpc_security_group_ids'])

    def __init__(
        self,
        *,
        ami: str | None = None,
        associate_public_ip_address: bool | str | None = None,
        availability_zone: str | None = None,
        disable_api_stop: bool | str | None = None,
        disable_api_termination: bool | str | None = None,
        ebs_optimized: bool | str | None = None,
        enable_primary_ipv6: bool | str | None = None,
        get_password_data: bool | str | None = None,
        hibernation: bool | str | None = None,
        host_id: str | None = None,
        host_resource_group_arn: str | None = None,
        iam_instance_profile: str | None = None,
        instance_initiated_shutdown_behavior: str | None = None,
        instance_type: str | None = None,
        ipv6_address_count: int | float | str | None = None,
        ipv6_addresses: Sequence[str] | str | None = None,
        key_name: str | None = None,
        monitoring: bool | str | None = None,
        placement_group: str | None = None,
        placement_partition_number: int | float | str | None = None,
        private_ip: str | None = None,
        secondary_private_ips: Sequence[str] | str | None = None,
        security_groups: Sequence[str] | str | None = None,
        source_dest_check: bool | str | None = None,
        subnet_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        tenancy: str | None = None,
        user_data: str | None = None,
        user_data_base64: str | None = None,
        user_data_replace_on_change: bool | str | None = None,
        volume_tags: Mapping[str, str] | str | None = None,
        vpc_security_group_ids: Sequence[str] | str | None = None,
        capacity_reservation_specification: Sequence[AwsInstanceCapacityReservationSpecification] | AwsInstanceCapacityReservationSpecification | None = None,
        cpu_options: Sequence[AwsInstanceCpuOptions] | AwsInstanceCpuOptions | None = None,
        credit_specification: Sequence[AwsInstanceCreditSpecification] | AwsInstanceCreditSpecification | None = None,
        ebs_block_device: Sequence[AwsInstanceEbsBlockDevice] | AwsInstanceEbsBlockDevice | None = None,
        enclave_options: Sequence[AwsInstanceEnclaveOptions] | AwsInstanceEnclaveOptions | None = None,
        ephemeral_block_device: Sequence[AwsInstanceEphemeralBlockDevice] | AwsInstanceEphemeralBlockDevice | None = None,
        instance_market_options: Sequence[AwsInstanceInstanceMarketOptions] | AwsInstanceInstanceMarketOptions | None = None,
        launch_template: Sequence[AwsInstanceLaunchTemplate] | AwsInstanceLaunchTemplate | None = None,
        maintenance_options: Sequence[AwsInstanceMaintenanceOptions] | AwsInstanceMaintenanceOptions | None = None,
        metadata_options: Sequence[AwsInstanceMetadataOptions] | AwsInstanceMetadataOptions | None = None,
        network_interface: Sequence[AwsInstanceNetworkInterface] | AwsInstanceNetworkInterface | None = None,
        private_dns_name_options: Sequence[AwsInstancePrivateDnsNameOptions] | AwsInstancePrivateDnsNameOptions | None = None,
        root_block_device: Sequence[AwsInstanceRootBlockDevice] | AwsInstanceRootBlockDevice | None = None,
        timeouts: AwsInstanceTimeouts | None = None,
    ) -> None:
        _set(self, 'ami', ami)
        _set(self, 'associate_public_ip_address', associate_public_ip_address)
        _set(self, 'availability_zone', availability_zone)
        _set(self, 'disable_api_stop', disable_api_stop)
        _set(self, 'disable_api_termination', disable_api_termination)
        _set(self, 'ebs_optimized', ebs_optimized)
        _set(self, 'enable_primary_ipv6', enable_primary_ipv6)
        _set(self, 'get_password_data', get_password_data)
        _set(self, 'hibernation', hibernation)
        _set(self, 'host_id', host_id)
        _set(self, 'host_resource_group_arn', host_resource_group_arn)
        _set(self, 'iam_instance_profile', iam_instance_profile)
        _set(self, 'instance_initiated_shutdown_behavior', instance_initiated_shutdown_behavior)
        _set(self, 'instance_type', instance_type)
        _set(self, 'ipv6_address_count', ipv6_address_count)
        _set(self, 'ipv6_addresses', ipv6_addresses)
        _set(self, 'key_name', key_name)
        _set(self, 'monitoring', monitoring)
        _set(self, 'placement_group', placement_group)
        _set(self, 'placement_partition_number', placement_partition_number)
        _set(self, 'private_ip', private_ip)
        _set(self, 'secondary_private_ips', secondary_private_ips)
        _set(self, 'security_groups', security_groups)
        _set(self, 'source_dest_check', source_dest_check)
        _set(self, 'subnet_id', subnet_id)
        _set(self, 'tags', tags)
        _set(self, 'tenancy', tenancy)
        _set(self, 'user_data', user_data)
        _set(self, 'user_data_base64', user_data_base64)
        _set(self, 'user_data_replace_on_change', user_data_replace_on_change)
        _set(self, 'volume_tags', volume_tags)
        _set(self, 'vpc_security_group_ids', vpc_security_group_ids)
        _set(self, 'capacity_reservation_specification', capacity_reservation_specification)
        _set(self, 'cpu_options', cpu_options)
        _set(self, 'credit_specification', credit_specification)
        _set(self, 'ebs_block_device', ebs_block_device)
        _set(self, 'enclave_options', enclave_options)
        _set(self, 'ephemeral_block_device', ephemeral_block_device)
        _set(self, 'instance_market_options', instance_market_options)
        _set(self, 'launch_template', launch_template)
        _set(self, 'maintenance_options', maintenance_options)
        _set(self, 'metadata_options', metadata_options)
        _set(self, 'network_interface', network_interface)
        _set(self, 'private_dns_name_options', private_dns_name_options)
        _set(self, 'root_block_device', root_block_device)
        _set(self, 'timeouts', timeouts)


class AwsInternetGatewayTimeouts(Block):
    """``timeouts`` block of AwsInternetGateway."""

    __slots__ = ('create', 'delete', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'update', update)


class AwsInternetGateway(Block):
    """Arguments of resource ``aws_internet_gateway``."""

    __slots__ = ('tags', 'vpc_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_internet_gateway'
    FIELDS: ClassVar[tuple[str, ...]] = ('tags', 'vpc_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsInternetGatewayTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'id', 'owner_id', 'tags', 'tags_all', 'timeouts', 'vpc_id'])

    def __init__(
        self,
        *,
        tags: Mapping[str, str] | str | None = None,
        vpc_id: str | None = None,
        timeouts: AwsInternetGatewayTimeouts | None = None,
    ) -> None:
        _set(self, 'tags', tags)
        _set(self, 'vpc_id', vpc_id)
        _set(self, 'timeouts', timeouts)


class AwsNatGatewayTimeouts(Block):
    """``timeouts`` block of AwsNatGateway."""

    __slots__ = ('create', 'delete', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'update', update)


class AwsNatGateway(Block):
    """Arguments of resource ``aws_nat_gateway``."""

    __slots__ = ('allocation_id', 'connectivity_type', 'private_ip', 'secondary_allocation_ids', 'secondary_private_ip_address_count', 'secondary_private_ip_addresses', 'subnet_id', 'tags', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_nat_gateway'
    FIELDS: ClassVar[tuple[str, ...]] = ('allocation_id', 'connectivity_type', 'private_ip', 'secondary_allocation_ids', 'secondary_private_ip_address_count', 'secondary_private_ip_addresses', 'subnet_id', 'tags', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'allocation_id': "string",
        'connectivity_type': "string",
        'private_ip': "string",
        'secondary_allocation_ids': ["set", "string"],
        'secondary_private_ip_address_count': "number",
        'secondary_private_ip_addresses': ["set", "string"],
        'subnet_id': "string",
        'tags': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsNatGatewayTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['subnet_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['allocation_id', 'association_id', 'connectivity_type', 'id', 'network_interface_id', 'private_ip', 'public_ip', 'secondary_allocation_ids', 'secondary_private_ip_address_count', 'secondary_private_ip_addresses', 'subnet_id', 'tags', 'tags_all', 'timeouts'])

    def __init__(
        self,
        *,
        allocation_id: str | None = None,
        connectivity_type: str | None = None,
        private_ip: str | None = None,
        secondary_allocation_ids: Sequence[str] | str | None = None,
        secondary_private_ip_address_count: int | float | str | None = None,
        secondary_private_ip_addresses: Sequence[str] | str | None = None,
        subnet_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        timeouts: AwsNatGatewayTimeouts | None = None,
    ) -> None:
        _set(self, 'allocation_id', allocation_id)
        _set(self, 'connectivity_type', connectivity_type)
        _set(self, 'private_ip', private_ip)
        _set(self, 'secondary_allocation_ids', secondary_allocation_ids)
        _set(self, 'secondary_private_ip_address_count', secondary_private_ip_address_count)
        _set(self, 'secondary_private_ip_addresses', secondary_private_ip_addresses)
        _set(self, 'subnet_id', subnet_id)
        _set(self, 'tags', tags)
        _set(self, 'timeouts', timeouts)


class AwsNetworkInterfaceAttachment(Block):
    """``attachment`` block of AwsNetworkInterface."""

    __slots__ = ('device_index', 'instance')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('device_index', 'instance')
    KINDS: ClassVar[dict[str, Any]] = {
        'device_index': "number",
        'instance': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['device_index', 'instance'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['attachment_id', 'device_index', 'instance'])

    def __init__(
        self,
        *,
        device_index: int | float | str | None = None,
        instance: str | None = None,
    ) -> None:
        _set(self, 'device_index', device_index)
        _set(self, 'instance', instance)


class AwsNetworkInterface(Block):
    """Arguments of resource ``aws_network_interface``."""

    __slots__ = ('description', 'enable_primary_ipv6', 'interface_type', 'ipv4_prefix_count', 'ipv4_prefixes', 'ipv6_address_count', 'ipv6_address_list', 'ipv6_address_list_enabled', 'ipv6_addresses', 'ipv6_prefix_count', 'ipv6_prefixes', 'private_ip', 'private_ip_list', 'private_ip_list_enabled', 'private_ips', 'private_ips_count', 'security_groups', 'source_dest_check', 'subnet_id', 'tags', 'attachment')
    TF_TYPE: ClassVar[str] = 'aws_network_interface'
    FIELDS: ClassVar[tuple[str, ...]] = ('description', 'enable_primary_ipv6', 'interface_type', 'ipv4_prefix_count', 'ipv4_prefixes', 'ipv6_address_count', 'ipv6_address_list', 'ipv6_address_list_enabled', 'ipv6_addresses', 'ipv6_prefix_count', 'ipv6_prefixes', 'private_ip', 'private_ip_list', 'private_ip_list_enabled', 'private_ips', 'private_ips_count', 'security_groups', 'source_dest_check', 'subnet_id', 'tags', 'attachment')
    KINDS: ClassVar[dict[str, Any]] = {
        'description': "string",
        'enable_primary_ipv6': "bool",
        'interface_type': "string",
        'ipv4_prefix_count': "number",
        'ipv4_prefixes': ["set", "string"],
        'ipv6_address_count': "number",
        'ipv6_address_list': ["list", "string"],
        'ipv6_address_list_enabled': "bool",
        'ipv6_addresses': ["set", "string"],
        'ipv6_prefix_count': "number",
        'ipv6_prefixes': ["set", "string"],
        'private_ip': "string",
        'private_ip_list': ["list", "string"],
        'private_ip_list_enabled': "bool",
        'private_ips': ["set", "string"],
        'private_ips_count': "number",
        'security_groups': ["set", "string"],
        'source_dest_check': "bool",
        'subnet_id': "string",
        'tags': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'attachment': ('set', AwsNetworkInterfaceAttachment),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['subnet_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'attachment', 'description', 'enable_primary_ipv6', 'id', 'interface_type', 'ipv4_prefix_count', 'ipv4_prefixes', 'ipv6_address_count', 'ipv6_address_list', 'ipv6_address_list_enabled', 'ipv6_addresses', 'ipv6_prefix_count', 'ipv6_prefixes', 'mac_address', 'outpost_arn', 'owner_id', 'private_dns_name', 'private_ip', 'private_ip_list', 'private_ip_list_enabled', 'private_ips', 'private_ips_count', 'security_groups', 'source_dest_check', 'subnet_id', 'tags', 'tags_all'])

    def __init__(
        self,
        *,
        description: str | None = None,
        enable_primary_ipv6: bool | str | None = None,
        interface_type: str | None = None,
        ipv4_prefix_count: int | float | str | None = None,
        ipv4_prefixes: Sequence[str] | str | None = None,
        ipv6_address_count: int | float | str | None = None,
        ipv6_address_list: Sequence[str] | str | None = None,
        ipv6_address_list_enabled: bool | str | None = None,
        ipv6_addresses: Sequence[str] | str | None = None,
        ipv6_prefix_count: int | float | str | None = None,
        ipv6_prefixes: Sequence[str] | str | None = None,
        private_ip: str | None = None,
        private_ip_list: Sequence[str] | str | None = None,
        private_ip_list_enabled: bool | str | None = None,
        private_ips: Sequence[str] | str | None = None,
        private_ips_count: int | float | str | None = None,
        security_groups: Sequence[str] | str | None = None,
        source_dest_check: bool | str | None = None,
        subnet_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        attachment: Sequence[AwsNetworkInterfaceAttachment] | AwsNetworkInterfaceAttachment | None = None,
    ) -> None:
        _set(self, 'description', description)
        _set(self, 'enable_primary_ipv6', enable_primary_ipv6)
        _set(self, 'interface_type', interface_type)
        _set(self, 'ipv4_prefix_count', ipv4_prefix_count)
        _set(self, 'ipv4_prefixes', ipv4_prefixes)
        _set(self, 'ipv6_address_count', ipv6_address_count)
        _set(self, 'ipv6_address_list', ipv6_address_list)
        _set(self, 'ipv6_address_list_enabled', ipv6_address_list_enabled)
        _set(self, 'ipv6_addresses', ipv6_addresses)
        _set(self, 'ipv6_prefix_count', ipv6_prefix_count)
        _set(self, 'ipv6_prefixes', ipv6_prefixes)
        _set(self, 'private_ip', private_ip)
        _set(self, 'private_ip_list', private_ip_list)
        _set(self, 'private_ip_list_enabled', private_ip_list_enabled)
        _set(self, 'private_ips', private_ips)
        _set(self, 'private_ips_count', private_ips_count)
        _set(self, 'security_groups', security_groups)
        _set(self, 'source_dest_check', source_dest_check)
        _set(self, 'subnet_id', subnet_id)
        _set(self, 'tags', tags)
        _set(self, 'attachment', attachment)


class AwsRouteTimeouts(Block):
    """``timeouts`` block of AwsRoute."""

    __slots__ = ('create', 'delete', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'update', update)


class AwsRoute(Block):
    """Arguments of resource ``aws_route``."""

    __slots__ = ('carrier_gateway_id', 'core_network_arn', 'destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id', 'egress_only_gateway_id', 'gateway_id', 'local_gateway_id', 'nat_gateway_id', 'network_interface_id', 'route_table_id', 'transit_gateway_id', 'vpc_endpoint_id', 'vpc_peering_connection_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_route'
    FIELDS: ClassVar[tuple[str, ...]] = ('carrier_gateway_id', 'core_network_arn', 'destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id', 'egress_only_gateway_id', 'gateway_id', 'local_gateway_id', 'nat_gateway_id', 'network_interface_id', 'route_table_id', 'transit_gateway_id', 'vpc_endpoint_id', 'vpc_peering_connection_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'carrier_gateway_id': "string",
        'core_network_arn': "string",
        'destination_cidr_block': "string",
        'destination_ipv6_cidr_block': "string",
        'destination_prefix_list_id': "string",
        'egress_only_gateway_id': "string",
        'gateway_id': "string",
        'local_gateway_id': "string",
        'nat_gateway_id': "string",
        'network_interface_id': "string",
        'route_table_id': "string",
        'transit_gateway_id': "string",
        'vpc_endpoint_id': "string",
        'vpc_peering_connection_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsRouteTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['route_table_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['carrier_gateway_id', 'core_network_arn', 'destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id', 'egress_only_gateway_id', 'gateway_id', 'id', 'instance_id', 'instance_owner_id', 'local_gateway_id', 'nat_gateway_id', 'network_interface_id', 'origin', 'route_table_id', 'state', 'timeouts', 'transit_gateway_id', 'vpc_endpoint_id', 'vpc_peering_connection_id'])

    def __init__(
        self,
        *,
        carrier_gateway_id: str | None = None,
        core_network_arn: str | None = None,
        destination_cidr_block: str | None = None,
        destination_ipv6_cidr_block: str | None = None,
        destination_prefix_list_id: str | None = None,
        egress_only_gateway_id: str | None = None,
        gateway_id: str | None = None,
        local_gateway_id: str | None = None,
        nat_gateway_id: str | None = None,
        network_interface_id: str | None = None,
        route_table_id: str | None = None,
        transit_gateway_id: str | None = None,
        vpc_endpoint_id: str | None = None,
        vpc_peering_connection_id: str | None = None,
        timeouts: AwsRouteTimeouts | None = None,
    ) -> None:
        _set(self, 'carrier_gateway_id', carrier_gateway_id)
        _set(self, 'core_network_arn', core_network_arn)
        _set(self, 'destination_cidr_block', destination_cidr_block)
        _set(self, 'destination_ipv6_cidr_block', destination_ipv6_cidr_block)
        _set(self, 'destination_prefix_list_id', destination_prefix_list_id)
        _set(self, 'egress_only_gateway_id', egress_only_gateway_id)
        _set(self, 'gateway_id', gateway_id)
        _set(self, 'local_gateway_id', local_gateway_id)
        _set(self, 'nat_gateway_id', nat_gateway_id)
        _set(self, 'network_interface_id', network_interface_id)
        _set(self, 'route_table_id', route_table_id)
        _set(self, 'transit_gateway_id', transit_gateway_id)
        _set(self, 'vpc_endpoint_id', vpc_endpoint_id)
        _set(self, 'vpc_peering_connection_id', vpc_peering_connection_id)
        _set(self, 'timeouts', timeouts)


class AwsRouteTableTimeouts(Block):
    """``timeouts`` block of AwsRouteTable."""

    __slots__ = ('create', 'delete', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'update', update)


class AwsRouteTable(Block):
    """Arguments of resource ``aws_route_table``."""

    __slots__ = ('propagating_vgws', 'route', 'tags', 'vpc_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_route_table'
    FIELDS: ClassVar[tuple[str, ...]] = ('propagating_vgws', 'route', 'tags', 'vpc_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'propagating_vgws': ["set", "string"],
        'route': ["set", ["object", {"carrier_gateway_id": "string", "cidr_block": "string", "core_network_arn": "string", "destination_prefix_list_id": "string", "egress_only_gateway_id": "string", "gateway_id": "string", "ipv6_cidr_block": "string", "local_gateway_id": "string", "nat_gateway_id": "string", "network_interface_id": "string", "transit_gateway_id": "string", "vpc_endpoint_id": "string", "vpc_peering_connection_id": "string"}]],
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsRouteTableTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['vpc_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'id', 'owner_id', 'propagating_vgws', 'route', 'tags', 'tags_all', 'timeouts', 'vpc_id'])

    def __init__(
        self,
        *,
        propagating_vgws: Sequence[str] | str | None = None,
        route: Any | None = None,
        tags: Mapping[str, str] | str | None = None,
        vpc_id: str | None = None,
        timeouts: AwsRouteTableTimeouts | None = None,
    ) -> None:
        _set(self, 'propagating_vgws', propagating_vgws)
        _set(self, 'route', route)
        _set(self, 'tags', tags)
        _set(self, 'vpc_id', vpc_id)
        _set(self, 'timeouts', timeouts)


class AwsRouteTableAssociationTimeouts(Block):
    """``timeouts`` block of AwsRouteTableAssociation."""

    __slots__ = ('create', 'delete', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'update', update)


class AwsRouteTableAssociation(Block):
    """Arguments of resource ``aws_route_table_association``."""

    __slots__ = ('gateway_id', 'route_table_id', 'subnet_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_route_table_association'
    FIELDS: ClassVar[tuple[str, ...]] = ('gateway_id', 'route_table_id', 'subnet_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'gateway_id': "string",
        'route_table_id': "string",
        'subnet_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsRouteTableAssociationTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['route_table_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['gateway_id', 'id', 'route_table_id', 'subnet_id', 'timeouts'])

    def __init__(
        self,
        *,
        gateway_id: str | None = None,
        route_table_id: str | None = None,
        subnet_id: str | None = None,
        timeouts: AwsRouteTableAssociationTimeouts | None = None,
    ) -> None:
        _set(self, 'gateway_id', gateway_id)
        _set(self, 'route_table_id', route_table_id)
        _set(self, 'subnet_id', subnet_id)
        _set(self, 'timeouts', timeouts)


class AwsSecurityGroupTimeouts(Block):
    """``timeouts`` block of AwsSecurityGroup."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class AwsSecurityGroup(Block):
    """Arguments of resource ``aws_security_group``."""

    __slots__ = ('description', 'egress', 'ingress', 'name', 'name_prefix', 'revoke_rules_on_delete', 'tags', 'vpc_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_security_group'
    FIELDS: ClassVar[tuple[str, ...]] = ('description', 'egress', 'ingress', 'name', 'name_prefix', 'revoke_rules_on_delete', 'tags', 'vpc_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'description': "string",
        'egress': ["set", ["object", {"cidr_blocks": ["list", "string"], "description": "string", "from_port": "number", "ipv6_cidr_blocks": ["list", "string"], "prefix_list_ids": ["list", "string"], "protocol": "string", "security_groups": ["set", "string"], "self": "bool", "to_port": "number"}]],
        'ingress': ["set", ["object", {"cidr_blocks": ["list", "string"], "description": "string", "from_port": "number", "ipv6_cidr_blocks": ["list", "string"], "prefix_list_ids": ["list", "string"], "protocol": "string", "security_groups": ["set", "string"], "self": "bool", "to_port": "number"}]],
        'name': "string",
        'name_prefix': "string",
        'revoke_rules_on_delete': "bool",
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsSecurityGroupTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'description', 'egress', 'id', 'ingress', 'name', 'name_prefix', 'owner_id', 'revoke_rules_on_delete', 'tags', 'tags_all', 'timeouts', 'vpc_id'])

    def __init__(
        self,
        *,
        description: str | None = None,
        egress: Any | None = None,
        ingress: Any | None = None,
        name: str | None = None,
        name_prefix: str | None = None,
        revoke_rules_on_delete: bool | str | None = None,
        tags: Mapping[str, str] | str | None = None,
        vpc_id: str | None = None,
        timeouts: AwsSecurityGroupTimeouts | None = None,
    ) -> None:
        _set(self, 'description', description)
        _set(self, 'egress', egress)
        _set(self, 'ingress', ingress)
        _set(self, 'name', name)
        _set(self, 'name_prefix', name_prefix)
        _set(self, 'revoke_rules_on_delete', revoke_rules_on_delete)
        _set(self, 'tags', tags)
        _set(self, 'vpc_id', vpc_id)
        _set(self, 'timeouts', timeouts)


class AwsSubnetTimeouts(Block):
    """``timeouts`` block of AwsSubnet."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class AwsSubnet(Block):
    """Arguments of resource ``aws_subnet``."""

    __slots__ = ('assign_ipv6_address_on_creation', 'availability_zone', 'availability_zone_id', 'cidr_block', 'customer_owned_ipv4_pool', 'enable_dns64', 'enable_lni_at_device_index', 'enable_resource_name_dns_a_record_on_launch', 'enable_resource_name_dns_aaaa_record_on_launch', 'ipv6_cidr_block', 'ipv6_native', 'map_customer_owned_ip_on_launch', 'map_public_ip_on_launch', 'outpost_arn', 'private_dns_hostname_type_on_launch', 'tags', 'vpc_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_subnet'
    FIELDS: ClassVar[tuple[str, ...]] = ('assign_ipv6_address_on_creation', 'availability_zone', 'availability_zone_id', 'cidr_block', 'customer_owned_ipv4_pool', 'enable_dns64', 'enable_lni_at_device_index', 'enable_resource_name_dns_a_record_on_launch', 'enable_resource_name_dns_aaaa_record_on_launch', 'ipv6_cidr_block', 'ipv6_native', 'map_customer_owned_ip_on_launch', 'map_public_ip_on_launch', 'outpost_arn', 'private_dns_hostname_type_on_launch', 'tags', 'vpc_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'assign_ipv6_address_on_creation': "bool",
        'availability_zone': "string",
        'availability_zone_id': "string",
        'cidr_block': "string",
        'customer_owned_ipv4_pool': "string",
        'enable_dns64': "bool",
        'enable_lni_at_device_index': "number",
        'enable_resource_name_dns_a_record_on_launch': "bool",
        'enable_resource_name_dns_aaaa_record_on_launch': "bool",
        'ipv6_cidr_block': "string",
        'ipv6_native': "bool",
        'map_customer_owned_ip_on_launch': "bool",
        'map_public_ip_on_launch': "bool",
        'outpost_arn': "string",
        'private_dns_hostname_type_on_launch': "string",
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsSubnetTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['vpc_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'assign_ipv6_address_on_creation', 'availability_zone', 'availability_zone_id', 'cidr_block', 'customer_owned_ipv4_pool', 'enable_dns64', 'enable_lni_at_device_index', 'enable_resource_name_dns_a_record_on_launch', 'enable_resource_name_dns_aaaa_record_on_launch', 'id', 'ipv6_cidr_block', 'ipv6_cidr_block_association_id', 'ipv6_native', 'map_customer_owned_ip_on_launch', 'map_public_ip_on_launch', 'outpost_arn', 'owner_id', 'private_dns_hostname_type_on_launch', 'tags', 'tags_all', 'timeouts', 'vpc_id'])

    def __init__(
        self,
        *,
        assign_ipv6_address_on_creation: bool | str | None = None,
        availability_zone: str | None = None,
        availability_zone_id: str | None = None,
        cidr_block: str | None = None,
        customer_owned_ipv4_pool: str | None = None,
        enable_dns64: bool | str | None = None,
        enable_lni_at_device_index: int | float | str | None = None,
        enable_resource_name_dns_a_record_on_launch: bool | str | None = None,
        enable_resource_name_dns_aaaa_record_on_launch: bool | str | None = None,
        ipv6_cidr_block: str | None = None,
        ipv6_native: bool | str | None = None,
        map_customer_owned_ip_on_launch: bool | str | None = None,
        map_public_ip_on_launch: bool | str | None = None,
        outpost_arn: str | None = None,
        private_dns_hostname_type_on_launch: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        vpc_id: str | None = None,
        timeouts: AwsSubnetTimeouts | None = None,
    ) -> None:
        _set(self, 'assign_ipv6_address_on_creation', assign_ipv6_address_on_creation)
        _set(self, 'availability_zone', availability_zone)
        _set(self, 'availability_zone_id', availability_zone_id)
        _set(self, 'cidr_block', cidr_block)
        _set(self, 'customer_owned_ipv4_pool', customer_owned_ipv4_pool)
        _set(self, 'enable_dns64', enable_dns64)
        _set(self, 'enable_lni_at_device_index', enable_lni_at_device_index)
        _set(self, 'enable_resource_name_dns_a_record_on_launch', enable_resource_name_dns_a_record_on_launch)
        _set(self, 'enable_resource_name_dns_aaaa_record_on_launch', enable_resource_name_dns_aaaa_record_on_launch)
        _set(self, 'ipv6_cidr_block', ipv6_cidr_block)
        _set(self, 'ipv6_native', ipv6_native)
        _set(self, 'map_customer_owned_ip_on_launch', map_customer_owned_ip_on_launch)
        _set(self, 'map_public_ip_on_launch', map_public_ip_on_launch)
        _set(self, 'outpost_arn', outpost_arn)
        _set(self, 'private_dns_hostname_type_on_launch', private_dns_hostname_type_on_launch)
        _set(self, 'tags', tags)
        _set(self, 'vpc_id', vpc_id)
        _set(self, 'timeouts', timeouts)


class AwsVpc(Block):
    """Arguments of resource ``aws_vpc``."""

    __slots__ = ('assign_generated_ipv6_cidr_block', 'cidr_block', 'enable_dns_hostnames', 'enable_dns_support', 'enable_network_address_usage_metrics', 'instance_tenancy', 'ipv4_ipam_pool_id', 'ipv4_netmask_length', 'ipv6_cidr_block', 'ipv6_cidr_block_network_border_group', 'ipv6_ipam_pool_id', 'ipv6_netmask_length', 'tags')
    TF_TYPE: ClassVar[str] = 'aws_vpc'
    FIELDS: ClassVar[tuple[str, ...]] = ('assign_generated_ipv6_cidr_block', 'cidr_block', 'enable_dns_hostnames', 'enable_dns_support', 'enable_network_address_usage_metrics', 'instance_tenancy', 'ipv4_ipam_pool_id', 'ipv4_netmask_length', 'ipv6_cidr_block', 'ipv6_cidr_block_network_border_group', 'ipv6_ipam_pool_id', 'ipv6_netmask_length', 'tags')
    KINDS: ClassVar[dict[str, Any]] = {
        'assign_generated_ipv6_cidr_block': "bool",
        'cidr_block': "string",
        'enable_dns_hostnames': "bool",
        'enable_dns_support': "bool",
        'enable_network_address_usage_metrics': "bool",
        'instance_tenancy': "string",
        'ipv4_ipam_pool_id': "string",
        'ipv4_netmask_length': "number",
        'ipv6_cidr_block': "string",
        'ipv6_cidr_block_network_border_group': "string",
        'ipv6_ipam_pool_id': "string",
        'ipv6_netmask_length': "number",
        'tags': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'assign_generated_ipv6_cidr_block', 'cidr_block', 'default_network_acl_id', 'default_route_table_id', 'default_security_group_id', 'dhcp_options_id', 'enable_dns_hostnames', 'enable_dns_support', 'enable_network_address_usage_metrics', 'id', 'instance_tenancy', 'ipv4_ipam_pool_id', 'ipv4_netmask_length', 'ipv6_association_id', 'ipv6_cidr_block', 'ipv6_cidr_block_network_border_group', 'ipv6_ipam_pool_id', 'ipv6_netmask_length', 'main_route_table_id', 'owner_id', 'tags', 'tags_all'])

    def __init__(
        self,
        *,
        assign_generated_ipv6_cidr_block: bool | str | None = None,
        cidr_block: str | None = None,
        enable_dns_hostnames: bool | str | None = None,
        enable_dns_support: bool | str | None = None,
        enable_network_address_usage_metrics: bool | str | None = None,
        instance_tenancy: str | None = None,
        ipv4_ipam_pool_id: str | None = None,
        ipv4_netmask_length: int | float | str | None = None,
        ipv6_cidr_block: str | None = None,
        ipv6_cidr_block_network_border_group: str | None = None,
        ipv6_ipam_pool_id: str | None = None,
        ipv6_netmask_length: int | float | str | None = None,
        tags: Mapping[str, str] | str | None = None,
    ) -> None:
        _set(self, 'assign_generated_ipv6_cidr_block', assign_generated_ipv6_cidr_block)
        _set(self, 'cidr_block', cidr_block)
        _set(self, 'enable_dns_hostnames', enable_dns_hostnames)
        _set(self, 'enable_dns_support', enable_dns_support)
        _set(self, 'enable_network_address_usage_metrics', enable_network_address_usage_metrics)
        _set(self, 'instance_tenancy', instance_tenancy)
        _set(self, 'ipv4_ipam_pool_id', ipv4_ipam_pool_id)
        _set(self, 'ipv4_netmask_length', ipv4_netmask_length)
        _set(self, 'ipv6_cidr_block', ipv6_cidr_block)
        _set(self, 'ipv6_cidr_block_network_border_group', ipv6_cidr_block_network_border_group)
        _set(self, 'ipv6_ipam_pool_id', ipv6_ipam_pool_id)
        _set(self, 'ipv6_netmask_length', ipv6_netmask_length)
        _set(self, 'tags', tags)


class AwsVpcSecurityGroupEgressRule(Block):
    """Arguments of resource ``aws_vpc_security_group_egress_rule``."""

    __slots__ = ('cidr_ipv4', 'cidr_ipv6', 'description', 'from_port', 'ip_protocol', 'prefix_list_id', 'referenced_security_group_id', 'security_group_id', 'tags', 'to_port')
    TF_TYPE: ClassVar[str] = 'aws_vpc_security_group_egress_rule'
    FIELDS: ClassVar[tuple[str, ...]] = ('cidr_ipv4', 'cidr_ipv6', 'description', 'from_port', 'ip_protocol', 'prefix_list_id', 'referenced_security_group_id', 'security_group_id', 'tags', 'to_port')
    KINDS: ClassVar[dict[str, Any]] = {
        'cidr_ipv4': "string",
        'cidr_ipv6': "string",
        'description': "string",
        'from_port': "number",
        'ip_protocol': "string",
        'prefix_list_id': "string",
        'referenced_security_group_id': "string",
        'security_group_id': "string",
        'tags': ["map", "string"],
        'to_port': "number",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['ip_protocol', 'security_group_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'cidr_ipv4', 'cidr_ipv6', 'description', 'from_port', 'id', 'ip_protocol', 'prefix_list_id', 'referenced_security_group_id', 'security_group_id', 'security_group_rule_id', 'tags', 'tags_all', 'to_port'])

    def __init__(
        self,
        *,
        cidr_ipv4: str | None = None,
        cidr_ipv6: str | None = None,
        description: str | None = None,
        from_port: int | float | str | None = None,
        ip_protocol: str | None = None,
        prefix_list_id: str | None = None,
        referenced_security_group_id: str | None = None,
        security_group_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        to_port: int | float | str | None = None,
    ) -> None:
        _set(self, 'cidr_ipv4', cidr_ipv4)
        _set(self, 'cidr_ipv6', cidr_ipv6)
        _set(self, 'description', description)
        _set(self, 'from_port', from_port)
        _set(self, 'ip_protocol', ip_protocol)
        _set(self, 'prefix_list_id', prefix_list_id)
        _set(self, 'referenced_security_group_id', referenced_security_group_id)
        _set(self, 'security_group_id', security_group_id)
        _set(self, 'tags', tags)
        _set(self, 'to_port', to_port)


class AwsVpcSecurityGroupIngressRule(Block):
    """Arguments of resource ``aws_vpc_security_group_ingress_rule``."""

    __slots__ = ('cidr_ipv4', 'cidr_ipv6', 'description', 'from_port', 'ip_protocol', 'prefix_list_id', 'referenced_security_group_id', 'security_group_id', 'tags', 'to_port')
    TF_TYPE: ClassVar[str] = 'aws_vpc_security_group_ingress_rule'
    FIELDS: ClassVar[tuple[str, ...]] = ('cidr_ipv4', 'cidr_ipv6', 'description', 'from_port', 'ip_protocol', 'prefix_list_id', 'referenced_security_group_id', 'security_group_id', 'tags', 'to_port')
    KINDS: ClassVar[dict[str, Any]] = {
        'cidr_ipv4': "string",
        'cidr_ipv6': "string",
        'description': "string",
        'from_port': "number",
        'ip_protocol': "string",
        'prefix_list_id': "string",
        'referenced_security_group_id': "string",
        'security_group_id': "string",
        'tags': ["map", "string"],
        'to_port': "number",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['ip_protocol', 'security_group_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'cidr_ipv4', 'cidr_ipv6', 'description', 'from_port', 'id', 'ip_protocol', 'prefix_list_id', 'referenced_security_group_id', 'security_group_id', 'security_group_rule_id', 'tags', 'tags_all', 'to_port'])

    def __init__(
        self,
        *,
        cidr_ipv4: str | None = None,
        cidr_ipv6: str | None = None,
        description: str | None = None,
        from_port: int | float | str | None = None,
        ip_protocol: str | None = None,
        prefix_list_id: str | None = None,
        referenced_security_group_id: str | None = None,
        security_group_id: str | None = None,
        tags: Mapping[str, str] | str | None = None,
        to_port: int | float | str | None = None,
    ) -> None:
        _set(self, 'cidr_ipv4', cidr_ipv4)
        _set(self, 'cidr_ipv6', cidr_ipv6)
        _set(self, 'description', description)
        _set(self, 'from_port', from_port)
        _set(self, 'ip_protocol', ip_protocol)
        _set(self, 'prefix_list_id', prefix_list_id)
        _set(self, 'referenced_security_group_id', referenced_security_group_id)
        _set(self, 'security_group_id', security_group_id)
        _set(self, 'tags', tags)
        _set(self, 'to_port', to_port)


class DataAwsAvailabilityZonesFilter(Block):
    """``filter`` block of DataAwsAvailabilityZones."""

    __slots__ = ('name', 'values')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('name', 'values')
    KINDS: ClassVar[dict[str, Any]] = {
        'name': "string",
        'values': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['name', 'values'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['name', 'values'])

    def __init__(
        self,
        *,
        name: str | None = None,
        values: Sequence[str] | str | None = None,
    ) -> None:
        _set(self, 'name', name)
        _set(self, 'values', values)


class DataAwsAvailabilityZonesTimeouts(Block):
    """``timeouts`` block of DataAwsAvailabilityZones."""

    __slots__ = ('read',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('read',)
    KINDS: ClassVar[dict[str, Any]] = {
        'read': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['read'])

    def __init__(
        self,
        *,
        read: str | None = None,
    ) -> None:
        _set(self, 'read', read)


class DataAwsAvailabilityZones(Block):
    """Arguments of data source ``aws_availability_zones``."""

    __slots__ = ('all_availability_zones', 'exclude_names', 'exclude_zone_ids', 'state', 'filter', 'timeouts')
    TF_TYPE: ClassVar[str] = 'aws_availability_zones'
    FIELDS: ClassVar[tuple[str, ...]] = ('all_availability_zones', 'exclude_names', 'exclude_zone_ids', 'state', 'filter', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'all_availability_zones': "bool",
        'exclude_names': ["set", "string"],
        'exclude_zone_ids': ["set", "string"],
        'state': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'filter': ('set', DataAwsAvailabilityZonesFilter),
        'timeouts': ('single', DataAwsAvailabilityZonesTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['all_availability_zones', 'exclude_names', 'exclude_zone_ids', 'filter', 'group_names', 'id', 'names', 'state', 'timeouts', 'zone_ids'])

    def __init__(
        self,
        *,
        all_availability_zones: bool | str | None = None,
        exclude_names: Sequence[str] | str | None = None,
        exclude_zone_ids: Sequence[str] | str | None = None,
        state: str | None = None,
        filter: Sequence[DataAwsAvailabilityZonesFilter] | DataAwsAvailabilityZonesFilter | None = None,
        timeouts: DataAwsAvailabilityZonesTimeouts | None = None,
    ) -> None:
        _set(self, 'all_availability_zones', all_availability_zones)
        _set(self, 'exclude_names', exclude_names)
        _set(self, 'exclude_zone_ids', exclude_zone_ids)
        _set(self, 'state', state)
        _set(self, 'filter', filter)
        _set(self, 'timeouts', timeouts)


RESOURCE_TYPES: dict[str, type[Block]] = {
    'aws_ec2_subnet_cidr_reservation': AwsEc2SubnetCidrReservation,
    'aws_egress_only_internet_gateway': AwsEgressOnlyInternetGateway,
    'aws_eip': AwsEip,
    'aws_instance': AwsInstance,
    'aws_internet_gateway': AwsInternetGateway,
    'aws_nat_gateway': AwsNatGateway,
    'aws_network_interface': AwsNetworkInterface,
    'aws_route': AwsRoute,
    'aws_route_table': AwsRouteTable,
    'aws_route_table_association': AwsRouteTableAssociation,
    'aws_security_group': AwsSecurityGroup,
    'aws_subnet': AwsSubnet,
    'aws_vpc': AwsVpc,
    'aws_vpc_security_group_egress_rule': AwsVpcSecurityGroupEgressRule,
    'aws_vpc_security_group_ingress_rule': AwsVpcSecurityGroupIngressRule,
}
DATA_SOURCE_TYPES: dict[str, type[Block]] = {
    'aws_availability_zones': DataAwsAvailabilityZones,
}
