import { normalizeOptions, singularize } from './normalize-options';

describe('normalizeOptions', () => {
  it('singularizes the last word of English plurals', () => {
    const plurals = [
      'payees',
      'categories',
      'account_groups',
      'boxes',
      'addresses',
      'statuses',
      'people',
      'recurring_rules',
      'analyses',
    ];
    expect(plurals.map(singularize)).toEqual([
      'payee',
      'category',
      'account_group',
      'box',
      'address',
      'status',
      'person',
      'recurring_rule',
      'analysis',
    ]);
  });

  it('derives every name of the entity from its snake_case plural', () => {
    const options = normalizeOptions({
      name: 'recurring_rules',
      fields: 'title:string,kind:enum(monthly|yearly),accountId:uuid',
      timestamp: 1,
    });
    expect(options).toMatchObject({
      modelName: 'recurring_rules',
      singular: 'recurring_rule',
      fileName: 'recurring-rules',
      singularFileName: 'recurring-rule',
      constName: 'recurringRules',
      pluralClassName: 'RecurringRules',
      className: 'RecurringRule',
      label: 'Recurring rule',
      pluralLabel: 'Recurring rules',
      clientIndexes: ['accountId'],
      deletable: true,
    });
    expect(options.enumFields[0]).toMatchObject({
      valuesConst: 'RECURRING_RULE_KINDS',
      valuesType: 'RecurringRuleKind',
      builder: 'enumField(RECURRING_RULE_KINDS)',
    });
    expect(options.exportedNames).toEqual([
      'recurringRules',
      'RecurringRule',
      'RECURRING_RULE_KINDS',
      'RecurringRuleKind',
      'RecurringRuleEntity',
      'RecurringRulesController',
      'RecurringRulesModule',
      'CreateRecurringRules1',
      'RecurringRulesStore',
      'RecurringRulesPageComponent',
    ]);
  });

  it('takes the singular, label, client indexes and deletability when given', () => {
    const options = normalizeOptions({
      name: 'news',
      singular: 'news_item',
      label: 'Headline',
      fields: 'title:string,day:date,sourceId:uuid',
      indexes: 'day',
      deletable: false,
    });
    expect(options).toMatchObject({
      className: 'NewsItem',
      label: 'Headline',
      clientIndexes: ['day'],
      deletable: false,
    });
    expect(
      normalizeOptions({ name: 'notes', fields: 'a:uuid', indexes: '' }).clientIndexes,
    ).toEqual([]);
  });

  it('words the fields after their names (money without its unit) and names a row by its first name field', () => {
    const options = normalizeOptions({
      name: 'payees',
      fields: 'notes:text?,nickname:shortText,name:string,limitMinor:money',
    });
    expect(options.fields.map((field) => field.label)).toEqual([
      'Notes',
      'Nickname',
      'Name',
      'Limit',
    ]);
    expect(options.namingField).toBe('name');
    expect(normalizeOptions({ name: 'tags', fields: 'code:shortText' }).namingField).toBe('code');
    expect(normalizeOptions({ name: 'rates', fields: 'percent:int' }).namingField).toBeNull();
  });

  it('takes a default for boolean, int, money and enum fields, and refuses any other', () => {
    const options = normalizeOptions({
      name: 'rules',
      fields:
        'active:boolean=false,count:int=3,limitMinor:money=-100,every:enum(day|week)=week,title:string',
    });
    expect(options.fields.map((field) => field.defaultValue)).toEqual([
      'false',
      '3',
      '-100',
      "'week'",
      null,
    ]);
    const refused = (fields: string) => () => normalizeOptions({ name: 'rules', fields });
    expect(refused('title:string=x')).toThrow('only boolean, int, money and enum fields');
    expect(refused('active:boolean=yes')).toThrow('use true or false');
    expect(refused('count:int=1.5')).toThrow('use an integer');
    expect(refused('every:enum(day|week)=month')).toThrow('use one of its values');
    expect(refused('active:boolean?=false')).toThrow('optional and has a default');
  });
});
