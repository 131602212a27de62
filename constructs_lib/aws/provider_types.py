"""GENERATED from `terraform providers schema -json` by constructs_lib/aws/_generate.py. Do not edit.

Typed arguments for the hashicorp/aws resources this package uses. Regenerate with
``python -m constructs_lib.aws._generate`` and review the diff after a provider upgrade.
"""

# fmt: off
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Mapping, Sequence

from .tftypes import Block

SCHEMA_PROVIDER_VERSION = '5.100.0'


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsProviderConfigAssumeRole(Block):
    """``assume_role`` block of AwsProviderConfig."""

    TF_TYPE: ClassVar[str] = ''
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

    duration: str | None = None
    external_id: str | None = None
    policy: str | None = None
    policy_arns: Sequence[str] | str | None = None
    role_arn: str | None = None
    session_name: str | None = None
    source_identity: str | None = None
    tags: Mapping[str, str] | str | None = None
    transitive_tag_keys: Sequence[str] | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsProviderConfigAssumeRoleWithWebIdentity(Block):
    """``assume_role_with_web_identity`` block of AwsProviderConfig."""

    TF_TYPE: ClassVar[str] = ''
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

    duration: str | None = None
    policy: str | None = None
    policy_arns: Sequence[str] | str | None = None
    role_arn: str | None = None
    session_name: str | None = None
    web_identity_token: str | None = None
    web_identity_token_file: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsProviderConfigDefaultTags(Block):
    """``default_tags`` block of AwsProviderConfig."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'tags': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['tags'])

    tags: Mapping[str, str] | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsProviderConfigEndpoints(Block):
    """``endpoints`` block of AwsProviderConfig."""

    TF_TYPE: ClassVar[str] = ''
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

    accessanalyzer: str | None = None
    account: str | None = None
    acm: str | None = None
    acmpca: str | None = None
    amg: str | None = None
    amp: str | None = None
    amplify: str | None = None
    apigateway: str | None = None
    apigatewayv2: str | None = None
    appautoscaling: str | None = None
    appconfig: str | None = None
    appfabric: str | None = None
    appflow: str | None = None
    appintegrations: str | None = None
    appintegrationsservice: str | None = None
    applicationautoscaling: str | None = None
    applicationinsights: str | None = None
    applicationsignals: str | None = None
    appmesh: str | None = None
    appregistry: str | None = None
    apprunner: str | None = None
    appstream: str | None = None
    appsync: str | None = None
    athena: str | None = None
    auditmanager: str | None = None
    autoscaling: str | None = None
    autoscalingplans: str | None = None
    backup: str | None = None
    batch: str | None = None
    bcmdataexports: str | None = None
    beanstalk: str | None = None
    bedrock: str | None = None
    bedrockagent: str | None = None
    billing: str | None = None
    budgets: str | None = None
    ce: str | None = None
    chatbot: str | None = None
    chime: str | None = None
    chimesdkmediapipelines: str | None = None
    chimesdkvoice: str | None = None
    cleanrooms: str | None = None
    cloud9: str | None = None
    cloudcontrol: str | None = None
    cloudcontrolapi: str | None = None
    cloudformation: str | None = None
    cloudfront: str | None = None
    cloudfrontkeyvaluestore: str | None = None
    cloudhsm: str | None = None
    cloudhsmv2: str | None = None
    cloudsearch: str | None = None
    cloudtrail: str | None = None
    cloudwatch: str | None = None
    cloudwatchevents: str | None = None
    cloudwatchevidently: str | None = None
    cloudwatchlog: str | None = None
    cloudwatchlogs: str | None = None
    cloudwatchobservabilityaccessmanager: str | None = None
    cloudwatchrum: str | None = None
    codeartifact: str | None = None
    codebuild: str | None = None
    codecatalyst: str | None = None
    codecommit: str | None = None
    codeconnections: str | None = None
    codedeploy: str | None = None
    codeguruprofiler: str | None = None
    codegurureviewer: str | None = None
    codepipeline: str | None = None
    codestarconnections: str | None = None
    codestarnotifications: str | None = None
    cognitoidentity: str | None = None
    cognitoidentityprovider: str | None = None
    cognitoidp: str | None = None
    comprehend: str | None = None
    computeoptimizer: str | None = None
    config: str | None = None
    configservice: str | None = None
    connect: str | None = None
    connectcases: str | None = None
    controltower: str | None = None
    costandusagereportservice: str | None = None
    costexplorer: str | None = None
    costoptimizationhub: str | None = None
    cur: str | None = None
    customerprofiles: str | None = None
    databasemigration: str | None = None
    databasemigrationservice: str | None = None
    databrew: str | None = None
    dataexchange: str | None = None
    datapipeline: str | None = None
    datasync: str | None = None
    datazone: str | None = None
    dax: str | None = None
    deploy: str | None = None
    detective: str | None = None
    devicefarm: str | None = None
    devopsguru: str | None = None
    directconnect: str | None = None
    directoryservice: str | None = None
    dlm: str | None = None
    dms: str | None = None
    docdb: str | None = None
    docdbelastic: str | None = None
    drs: str | None = None
    ds: str | None = None
    dsql: str | None = None
    dynamodb: str | None = None
    ec2: str | None = None
    ecr: str | None = None
    ecrpublic: str | None = None
    ecs: str | None = None
    efs: str | None = None
    eks: str | None = None
    elasticache: str | None = None
    elasticbeanstalk: str | None = None
    elasticloadbalancing: str | None = None
    elasticloadbalancingv2: str | None = None
    elasticsearch: str | None = None
    elasticsearchservice: str | None = None
    elastictranscoder: str | None = None
    elb: str | None = None
    elbv2: str | None = None
    emr: str | None = None
    emrcontainers: str | None = None
    emrserverless: str | None = None
    es: str | None = None
    eventbridge: str | None = None
    events: str | None = None
    evidently: str | None = None
    evs: str | None = None
    finspace: str | None = None
    firehose: str | None = None
    fis: str | None = None
    fms: str | None = None
    fsx: str | None = None
    gamelift: str | None = None
    glacier: str | None = None
    globalaccelerator: str | None = None
    glue: str | None = None
    gluedatabrew: str | None = None
    grafana: str | None = None
    greengrass: str | None = None
    groundstation: str | None = None
    guardduty: str | None = None
    healthlake: str | None = None
    iam: str | None = None
    identitystore: str | None = None
    imagebuilder: str | None = None
    inspector: str | None = None
    inspector2: str | None = None
    inspectorv2: str | None = None
    internetmonitor: str | None = None
    invoicing: str | None = None
    iot: str | None = None
    iotanalytics: str | None = None
    iotevents: str | None = None
    ivs: str | None = None
    ivschat: str | None = None
    kafka: str | None = None
    kafkaconnect: str | None = None
    kendra: str | None = None
    keyspaces: str | None = None
    kinesis: str | None = None
    kinesisanalytics: str | None = None
    kinesisanalyticsv2: str | None = None
    kinesisvideo: str | None = None
    kms: str | None = None
    lakeformation: str | None = None
    lambda_: str | None = None
    launchwizard: str | None = None
    lex: str | None = None
    lexmodelbuilding: str | None = None
    lexmodelbuildingservice: str | None = None
    lexmodels: str | None = None
    lexmodelsv2: str | None = None
    lexv2models: str | None = None
    licensemanager: str | None = None
    lightsail: str | None = None
    location: str | None = None
    locationservice: str | None = None
    logs: str | None = None
    lookoutmetrics: str | None = None
    m2: str | None = None
    macie2: str | None = None
    managedgrafana: str | None = None
    mediaconnect: str | None = None
    mediaconvert: str | None = None
    medialive: str | None = None
    mediapackage: str | None = None
    mediapackagev2: str | None = None
    mediapackagevod: str | None = None
    mediastore: str | None = None
    memorydb: str | None = None
    mgn: str | None = None
    mq: str | None = None
    msk: str | None = None
    mwaa: str | None = None
    neptune: str | None = None
    neptunegraph: str | None = None
    networkfirewall: str | None = None
    networkmanager: str | None = None
    networkmonitor: str | None = None
    notifications: str | None = None
    notificationscontacts: str | None = None
    oam: str | None = None
    opensearch: str | None = None
    opensearchingestion: str | None = None
    opensearchserverless: str | None = None
    opensearchservice: str | None = None
    opsworks: str | None = None
    organizations: str | None = None
    osis: str | None = None
    outposts: str | None = None
    paymentcryptography: str | None = None
    pcaconnectorad: str | None = None
    pcs: str | None = None
    pinpoint: str | None = None
    pinpointsmsvoicev2: str | None = None
    pipes: str | None = None
    polly: str | None = None
    pricing: str | None = None
    prometheus: str | None = None
    prometheusservice: str | None = None
    qbusiness: str | None = None
    qldb: str | None = None
    quicksight: str | None = None
    ram: str | None = None
    rbin: str | None = None
    rds: str | None = None
    recyclebin: str | None = None
    redshift: str | None = None
    redshiftdata: str | None = None
    redshiftdataapiservice: str | None = None
    redshiftserverless: str | None = None
    rekognition: str | None = None
    resiliencehub: str | None = None
    resourceexplorer2: str | None = None
    resourcegroups: str | None = None
    resourcegroupstagging: str | None = None
    resourcegroupstaggingapi: str | None = None
    rolesanywhere: str | None = None
    route53: str | None = None
    route53domains: str | None = None
    route53profiles: str | None = None
    route53recoverycontrolconfig: str | None = None
    route53recoveryreadiness: str | None = None
    route53resolver: str | None = None
    rum: str | None = None
    s3: str | None = None
    s3api: str | None = None
    s3control: str | None = None
    s3outposts: str | None = None
    s3tables: str | None = None
    sagemaker: str | None = None
    scheduler: str | None = None
    schemas: str | None = None
    sdb: str | None = None
    secretsmanager: str | None = None
    securityhub: str | None = None
    securitylake: str | None = None
    serverlessapplicationrepository: str | None = None
    serverlessapprepo: str | None = None
    serverlessrepo: str | None = None
    servicecatalog: str | None = None
    servicecatalogappregistry: str | None = None
    servicediscovery: str | None = None
    servicequotas: str | None = None
    ses: str | None = None
    sesv2: str | None = None
    sfn: str | None = None
    shield: str | None = None
    signer: str | None = None
    simpledb: str | None = None
    sns: str | None = None
    sqs: str | None = None
    ssm: str | None = None
    ssmcontacts: str | None = None
    ssmincidents: str | None = None
    ssmquicksetup: str | None = None
    ssmsap: str | None = None
    sso: str | None = None
    ssoadmin: str | None = None
    stepfunctions: str | None = None
    storagegateway: str | None = None
    sts: str | None = None
    swf: str | None = None
    synthetics: str | None = None
    taxsettings: str | None = None
    timestreaminfluxdb: str | None = None
    timestreamquery: str | None = None
    timestreamwrite: str | None = None
    transcribe: str | None = None
    transcribeservice: str | None = None
    transfer: str | None = None
    verifiedpermissions: str | None = None
    vpclattice: str | None = None
    waf: str | None = None
    wafregional: str | None = None
    wafv2: str | None = None
    wellarchitected: str | None = None
    worklink: str | None = None
    workspaces: str | None = None
    workspacesweb: str | None = None
    xray: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsProviderConfigIgnoreTags(Block):
    """``ignore_tags`` block of AwsProviderConfig."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'key_prefixes': ["set", "string"],
        'keys': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['key_prefixes', 'keys'])

    key_prefixes: Sequence[str] | str | None = None
    keys: Sequence[str] | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsProviderConfig(Block):
    """Arguments of ``provider "aws"``."""

    TF_TYPE: ClassVar[str] = 'aws'
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

    access_key: str | None = None
    allowed_account_ids: Sequence[str] | str | None = None
    custom_ca_bundle: str | None = None
    ec2_metadata_service_endpoint: str | None = None
    ec2_metadata_service_endpoint_mode: str | None = None
    forbidden_account_ids: Sequence[str] | str | None = None
    http_proxy: str | None = None
    https_proxy: str | None = None
    insecure: bool | str | None = None
    max_retries: int | float | str | None = None
    no_proxy: str | None = None
    profile: str | None = None
    region: str | None = None
    retry_mode: str | None = None
    s3_us_east_1_regional_endpoint: str | None = None
    s3_use_path_style: bool | str | None = None
    secret_key: str | None = None
    shared_config_files: Sequence[str] | str | None = None
    shared_credentials_files: Sequence[str] | str | None = None
    skip_credentials_validation: bool | str | None = None
    skip_metadata_api_check: str | None = None
    skip_region_validation: bool | str | None = None
    skip_requesting_account_id: bool | str | None = None
    sts_region: str | None = None
    token: str | None = None
    token_bucket_rate_limiter_capacity: int | float | str | None = None
    use_dualstack_endpoint: bool | str | None = None
    use_fips_endpoint: bool | str | None = None
    assume_role: Sequence[AwsProviderConfigAssumeRole] | AwsProviderConfigAssumeRole | None = None
    assume_role_with_web_identity: Sequence[AwsProviderConfigAssumeRoleWithWebIdentity] | AwsProviderConfigAssumeRoleWithWebIdentity | None = None
    default_tags: Sequence[AwsProviderConfigDefaultTags] | AwsProviderConfigDefaultTags | None = None
    endpoints: Sequence[AwsProviderConfigEndpoints] | AwsProviderConfigEndpoints | None = None
    ignore_tags: Sequence[AwsProviderConfigIgnoreTags] | AwsProviderConfigIgnoreTags | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsEc2SubnetCidrReservation(Block):
    """Arguments of resource ``aws_ec2_subnet_cidr_reservation``."""

    TF_TYPE: ClassVar[str] = 'aws_ec2_subnet_cidr_reservation'
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

    cidr_block: str | None = None
    description: str | None = None
    reservation_type: str | None = None
    subnet_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsEgressOnlyInternetGateway(Block):
    """Arguments of resource ``aws_egress_only_internet_gateway``."""

    TF_TYPE: ClassVar[str] = 'aws_egress_only_internet_gateway'
    KINDS: ClassVar[dict[str, Any]] = {
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['vpc_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['id', 'tags', 'tags_all', 'vpc_id'])

    tags: Mapping[str, str] | str | None = None
    vpc_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsEipTimeouts(Block):
    """``timeouts`` block of AwsEip."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'delete': "string",
        'read': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete', 'read', 'update'])

    delete: str | None = None
    read: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsEip(Block):
    """Arguments of resource ``aws_eip``."""

    TF_TYPE: ClassVar[str] = 'aws_eip'
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

    address: str | None = None
    associate_with_private_ip: str | None = None
    customer_owned_ipv4_pool: str | None = None
    domain: str | None = None
    instance: str | None = None
    ipam_pool_id: str | None = None
    network_border_group: str | None = None
    network_interface: str | None = None
    public_ipv4_pool: str | None = None
    tags: Mapping[str, str] | str | None = None
    timeouts: AwsEipTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceCapacityReservationSpecificationCapacityReservationTarget(Block):
    """``capacity_reservation_target`` block of AwsInstanceCapacityReservationSpecification."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'capacity_reservation_id': "string",
        'capacity_reservation_resource_group_arn': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['capacity_reservation_id', 'capacity_reservation_resource_group_arn'])

    capacity_reservation_id: str | None = None
    capacity_reservation_resource_group_arn: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceCapacityReservationSpecification(Block):
    """``capacity_reservation_specification`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'capacity_reservation_preference': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'capacity_reservation_target': ('list1', AwsInstanceCapacityReservationSpecificationCapacityReservationTarget),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['capacity_reservation_preference', 'capacity_reservation_target'])

    capacity_reservation_preference: str | None = None
    capacity_reservation_target: Sequence[AwsInstanceCapacityReservationSpecificationCapacityReservationTarget] | AwsInstanceCapacityReservationSpecificationCapacityReservationTarget | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceCpuOptions(Block):
    """``cpu_options`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'amd_sev_snp': "string",
        'core_count': "number",
        'threads_per_core': "number",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['amd_sev_snp', 'core_count', 'threads_per_core'])

    amd_sev_snp: str | None = None
    core_count: int | float | str | None = None
    threads_per_core: int | float | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceCreditSpecification(Block):
    """``credit_specification`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'cpu_credits': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['cpu_credits'])

    cpu_credits: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceEbsBlockDevice(Block):
    """``ebs_block_device`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
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

    delete_on_termination: bool | str | None = None
    device_name: str | None = None
    encrypted: bool | str | None = None
    iops: int | float | str | None = None
    kms_key_id: str | None = None
    snapshot_id: str | None = None
    tags: Mapping[str, str] | str | None = None
    throughput: int | float | str | None = None
    volume_size: int | float | str | None = None
    volume_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceEnclaveOptions(Block):
    """``enclave_options`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'enabled': "bool",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['enabled'])

    enabled: bool | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceEphemeralBlockDevice(Block):
    """``ephemeral_block_device`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'device_name': "string",
        'no_device': "bool",
        'virtual_name': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['device_name'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['device_name', 'no_device', 'virtual_name'])

    device_name: str | None = None
    no_device: bool | str | None = None
    virtual_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceInstanceMarketOptionsSpotOptions(Block):
    """``spot_options`` block of AwsInstanceInstanceMarketOptions."""

    TF_TYPE: ClassVar[str] = ''
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

    instance_interruption_behavior: str | None = None
    max_price: str | None = None
    spot_instance_type: str | None = None
    valid_until: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceInstanceMarketOptions(Block):
    """``instance_market_options`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'market_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'spot_options': ('list1', AwsInstanceInstanceMarketOptionsSpotOptions),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['market_type', 'spot_options'])

    market_type: str | None = None
    spot_options: Sequence[AwsInstanceInstanceMarketOptionsSpotOptions] | AwsInstanceInstanceMarketOptionsSpotOptions | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceLaunchTemplate(Block):
    """``launch_template`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'name': "string",
        'version': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['id', 'name', 'version'])

    name: str | None = None
    version: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceMaintenanceOptions(Block):
    """``maintenance_options`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'auto_recovery': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['auto_recovery'])

    auto_recovery: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceMetadataOptions(Block):
    """``metadata_options`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
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

    http_endpoint: str | None = None
    http_protocol_ipv6: str | None = None
    http_put_response_hop_limit: int | float | str | None = None
    http_tokens: str | None = None
    instance_metadata_tags: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceNetworkInterface(Block):
    """``network_interface`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
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

    delete_on_termination: bool | str | None = None
    device_index: int | float | str | None = None
    network_card_index: int | float | str | None = None
    network_interface_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstancePrivateDnsNameOptions(Block):
    """``private_dns_name_options`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'enable_resource_name_dns_a_record': "bool",
        'enable_resource_name_dns_aaaa_record': "bool",
        'hostname_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['enable_resource_name_dns_a_record', 'enable_resource_name_dns_aaaa_record', 'hostname_type'])

    enable_resource_name_dns_a_record: bool | str | None = None
    enable_resource_name_dns_aaaa_record: bool | str | None = None
    hostname_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceRootBlockDevice(Block):
    """``root_block_device`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
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

    delete_on_termination: bool | str | None = None
    encrypted: bool | str | None = None
    iops: int | float | str | None = None
    kms_key_id: str | None = None
    tags: Mapping[str, str] | str | None = None
    throughput: int | float | str | None = None
    volume_size: int | float | str | None = None
    volume_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstanceTimeouts(Block):
    """``timeouts`` block of AwsInstance."""

    TF_TYPE: ClassVar[str] = ''
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

    create: str | None = None
    delete: str | None = None
    read: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInstance(Block):
    """Arguments of resource ``aws_instance``."""

    TF_TYPE: ClassVar[str] = 'aws_instance'
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

    ami: str | None = None
    associate_public_ip_address: bool | str | None = None
    availability_zone: str | None = None
    disable_api_stop: bool | str | None = None
    disable_api_termination: bool | str | None = None
    ebs_optimized: bool | str | None = None
    enable_primary_ipv6: bool | str | None = None
    get_password_data: bool | str | None = None
    hibernation: bool | str | None = None
    host_id: str | None = None
    host_resource_group_arn: str | None = None
    iam_instance_profile: str | None = None
    instance_initiated_shutdown_behavior: str | None = None
    instance_type: str | None = None
    ipv6_address_count: int | float | str | None = None
    ipv6_addresses: Sequence[str] | str | None = None
    key_name: str | None = None
    monitoring: bool | str | None = None
    placement_group: str | None = None
    placement_partition_number: int | float | str | None = None
    private_ip: str | None = None
    secondary_private_ips: Sequence[str] | str | None = None
    security_groups: Sequence[str] | str | None = None
    source_dest_check: bool | str | None = None
    subnet_id: str | None = None
    tags: Mapping[str, str] | str | None = None
    tenancy: str | None = None
    user_data: str | None = None
    user_data_base64: str | None = None
    user_data_replace_on_change: bool | str | None = None
    volume_tags: Mapping[str, str] | str | None = None
    vpc_security_group_ids: Sequence[str] | str | None = None
    capacity_reservation_specification: Sequence[AwsInstanceCapacityReservationSpecification] | AwsInstanceCapacityReservationSpecification | None = None
    cpu_options: Sequence[AwsInstanceCpuOptions] | AwsInstanceCpuOptions | None = None
    credit_specification: Sequence[AwsInstanceCreditSpecification] | AwsInstanceCreditSpecification | None = None
    ebs_block_device: Sequence[AwsInstanceEbsBlockDevice] | AwsInstanceEbsBlockDevice | None = None
    enclave_options: Sequence[AwsInstanceEnclaveOptions] | AwsInstanceEnclaveOptions | None = None
    ephemeral_block_device: Sequence[AwsInstanceEphemeralBlockDevice] | AwsInstanceEphemeralBlockDevice | None = None
    instance_market_options: Sequence[AwsInstanceInstanceMarketOptions] | AwsInstanceInstanceMarketOptions | None = None
    launch_template: Sequence[AwsInstanceLaunchTemplate] | AwsInstanceLaunchTemplate | None = None
    maintenance_options: Sequence[AwsInstanceMaintenanceOptions] | AwsInstanceMaintenanceOptions | None = None
    metadata_options: Sequence[AwsInstanceMetadataOptions] | AwsInstanceMetadataOptions | None = None
    network_interface: Sequence[AwsInstanceNetworkInterface] | AwsInstanceNetworkInterface | None = None
    private_dns_name_options: Sequence[AwsInstancePrivateDnsNameOptions] | AwsInstancePrivateDnsNameOptions | None = None
    root_block_device: Sequence[AwsInstanceRootBlockDevice] | AwsInstanceRootBlockDevice | None = None
    timeouts: AwsInstanceTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInternetGatewayTimeouts(Block):
    """``timeouts`` block of AwsInternetGateway."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    create: str | None = None
    delete: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsInternetGateway(Block):
    """Arguments of resource ``aws_internet_gateway``."""

    TF_TYPE: ClassVar[str] = 'aws_internet_gateway'
    KINDS: ClassVar[dict[str, Any]] = {
        'tags': ["map", "string"],
        'vpc_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', AwsInternetGatewayTimeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['arn', 'id', 'owner_id', 'tags', 'tags_all', 'timeouts', 'vpc_id'])

    tags: Mapping[str, str] | str | None = None
    vpc_id: str | None = None
    timeouts: AwsInternetGatewayTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsNatGatewayTimeouts(Block):
    """``timeouts`` block of AwsNatGateway."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    create: str | None = None
    delete: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsNatGateway(Block):
    """Arguments of resource ``aws_nat_gateway``."""

    TF_TYPE: ClassVar[str] = 'aws_nat_gateway'
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

    allocation_id: str | None = None
    connectivity_type: str | None = None
    private_ip: str | None = None
    secondary_allocation_ids: Sequence[str] | str | None = None
    secondary_private_ip_address_count: int | float | str | None = None
    secondary_private_ip_addresses: Sequence[str] | str | None = None
    subnet_id: str | None = None
    tags: Mapping[str, str] | str | None = None
    timeouts: AwsNatGatewayTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsNetworkInterfaceAttachment(Block):
    """``attachment`` block of AwsNetworkInterface."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'device_index': "number",
        'instance': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['device_index', 'instance'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['attachment_id', 'device_index', 'instance'])

    device_index: int | float | str | None = None
    instance: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsNetworkInterface(Block):
    """Arguments of resource ``aws_network_interface``."""

    TF_TYPE: ClassVar[str] = 'aws_network_interface'
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

    description: str | None = None
    enable_primary_ipv6: bool | str | None = None
    interface_type: str | None = None
    ipv4_prefix_count: int | float | str | None = None
    ipv4_prefixes: Sequence[str] | str | None = None
    ipv6_address_count: int | float | str | None = None
    ipv6_address_list: Sequence[str] | str | None = None
    ipv6_address_list_enabled: bool | str | None = None
    ipv6_addresses: Sequence[str] | str | None = None
    ipv6_prefix_count: int | float | str | None = None
    ipv6_prefixes: Sequence[str] | str | None = None
    private_ip: str | None = None
    private_ip_list: Sequence[str] | str | None = None
    private_ip_list_enabled: bool | str | None = None
    private_ips: Sequence[str] | str | None = None
    private_ips_count: int | float | str | None = None
    security_groups: Sequence[str] | str | None = None
    source_dest_check: bool | str | None = None
    subnet_id: str | None = None
    tags: Mapping[str, str] | str | None = None
    attachment: Sequence[AwsNetworkInterfaceAttachment] | AwsNetworkInterfaceAttachment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsRouteTimeouts(Block):
    """``timeouts`` block of AwsRoute."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    create: str | None = None
    delete: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsRoute(Block):
    """Arguments of resource ``aws_route``."""

    TF_TYPE: ClassVar[str] = 'aws_route'
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

    carrier_gateway_id: str | None = None
    core_network_arn: str | None = None
    destination_cidr_block: str | None = None
    destination_ipv6_cidr_block: str | None = None
    destination_prefix_list_id: str | None = None
    egress_only_gateway_id: str | None = None
    gateway_id: str | None = None
    local_gateway_id: str | None = None
    nat_gateway_id: str | None = None
    network_interface_id: str | None = None
    route_table_id: str | None = None
    transit_gateway_id: str | None = None
    vpc_endpoint_id: str | None = None
    vpc_peering_connection_id: str | None = None
    timeouts: AwsRouteTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsRouteTableTimeouts(Block):
    """``timeouts`` block of AwsRouteTable."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    create: str | None = None
    delete: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsRouteTable(Block):
    """Arguments of resource ``aws_route_table``."""

    TF_TYPE: ClassVar[str] = 'aws_route_table'
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

    propagating_vgws: Sequence[str] | str | None = None
    route: Any | None = None
    tags: Mapping[str, str] | str | None = None
    vpc_id: str | None = None
    timeouts: AwsRouteTableTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsRouteTableAssociationTimeouts(Block):
    """``timeouts`` block of AwsRouteTableAssociation."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    create: str | None = None
    delete: str | None = None
    update: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsRouteTableAssociation(Block):
    """Arguments of resource ``aws_route_table_association``."""

    TF_TYPE: ClassVar[str] = 'aws_route_table_association'
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

    gateway_id: str | None = None
    route_table_id: str | None = None
    subnet_id: str | None = None
    timeouts: AwsRouteTableAssociationTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsSubnetTimeouts(Block):
    """``timeouts`` block of AwsSubnet."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    create: str | None = None
    delete: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsSubnet(Block):
    """Arguments of resource ``aws_subnet``."""

    TF_TYPE: ClassVar[str] = 'aws_subnet'
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

    assign_ipv6_address_on_creation: bool | str | None = None
    availability_zone: str | None = None
    availability_zone_id: str | None = None
    cidr_block: str | None = None
    customer_owned_ipv4_pool: str | None = None
    enable_dns64: bool | str | None = None
    enable_lni_at_device_index: int | float | str | None = None
    enable_resource_name_dns_a_record_on_launch: bool | str | None = None
    enable_resource_name_dns_aaaa_record_on_launch: bool | str | None = None
    ipv6_cidr_block: str | None = None
    ipv6_native: bool | str | None = None
    map_customer_owned_ip_on_launch: bool | str | None = None
    map_public_ip_on_launch: bool | str | None = None
    outpost_arn: str | None = None
    private_dns_hostname_type_on_launch: str | None = None
    tags: Mapping[str, str] | str | None = None
    vpc_id: str | None = None
    timeouts: AwsSubnetTimeouts | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsVpc(Block):
    """Arguments of resource ``aws_vpc``."""

    TF_TYPE: ClassVar[str] = 'aws_vpc'
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

    assign_generated_ipv6_cidr_block: bool | str | None = None
    cidr_block: str | None = None
    enable_dns_hostnames: bool | str | None = None
    enable_dns_support: bool | str | None = None
    enable_network_address_usage_metrics: bool | str | None = None
    instance_tenancy: str | None = None
    ipv4_ipam_pool_id: str | None = None
    ipv4_netmask_length: int | float | str | None = None
    ipv6_cidr_block: str | None = None
    ipv6_cidr_block_network_border_group: str | None = None
    ipv6_ipam_pool_id: str | None = None
    ipv6_netmask_length: int | float | str | None = None
    tags: Mapping[str, str] | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataAwsAvailabilityZonesFilter(Block):
    """``filter`` block of DataAwsAvailabilityZones."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'name': "string",
        'values': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['name', 'values'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['name', 'values'])

    name: str | None = None
    values: Sequence[str] | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataAwsAvailabilityZonesTimeouts(Block):
    """``timeouts`` block of DataAwsAvailabilityZones."""

    TF_TYPE: ClassVar[str] = ''
    KINDS: ClassVar[dict[str, Any]] = {
        'read': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['read'])

    read: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataAwsAvailabilityZones(Block):
    """Arguments of data source ``aws_availability_zones``."""

    TF_TYPE: ClassVar[str] = 'aws_availability_zones'
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

    all_availability_zones: bool | str | None = None
    exclude_names: Sequence[str] | str | None = None
    exclude_zone_ids: Sequence[str] | str | None = None
    state: str | None = None
    filter: Sequence[DataAwsAvailabilityZonesFilter] | DataAwsAvailabilityZonesFilter | None = None
    timeouts: DataAwsAvailabilityZonesTimeouts | None = None


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
    'aws_subnet': AwsSubnet,
    'aws_vpc': AwsVpc,
}
DATA_SOURCE_TYPES: dict[str, type[Block]] = {
    'aws_availability_zones': DataAwsAvailabilityZones,
}
