import { ifCondition, noValue, ref } from './intrinsics.js';
import type { TemplateMap, TemplateValue } from './intrinsics.js';
import { standardTags } from './standard-tags.js';

export interface AlarmResourceParams {
  readonly slug: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly { readonly Name: string; readonly Value: TemplateValue }[];
  /** Alarm when the summed metric over one period is above this. */
  readonly threshold: number;
  readonly periodSeconds: number;
  /** Periods in a row the metric must be above the threshold (EvaluationPeriods and DatapointsToAlarm); 1 when absent. */
  readonly periodsInARow?: number;
  /** `breaching` when silence itself is the failure (a canary that stopped running). */
  readonly treatMissingData?: 'breaching' | 'notBreaching';
}

/** A "sum above threshold in one period" (or in `periodsInARow` periods in a row) alarm that notifies the optional alarm topic. */
export function alarmResource(params: AlarmResourceParams): TemplateMap {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: params.description,
      Namespace: params.namespace,
      MetricName: params.metricName,
      Dimensions: [...params.dimensions],
      Statistic: 'Sum',
      Period: params.periodSeconds,
      EvaluationPeriods: params.periodsInARow ?? 1,
      ...(params.periodsInARow === undefined ? {} : { DatapointsToAlarm: params.periodsInARow }),
      Threshold: params.threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: params.treatMissingData ?? 'notBreaching',
      AlarmActions: ifCondition('HasAlarmTopic', [ref('AlarmTopicArn')], noValue()),
      Tags: standardTags(params.slug),
    },
  };
}
