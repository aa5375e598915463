// What the members' screens share: the codes of the member record with their labels, and the create/edit form.
import { label } from '@unionhub/console-kit';
import { options } from './orgs.js';

export const FORMS = ['EMPLOYEE', 'PRIVATE_FRONTLINE', 'NEW_FORM'];
export const KINDS = ['DELIVERY_RIDER', 'RIDE_HAILING_DRIVER', 'COURIER', 'TRUCK_DRIVER', 'OTHER'];

export const memberFields = () => [
  { name: 'name', label: '姓名', required: true },
  { name: 'orgId', label: '所属工会', type: 'org', required: true },
  { name: 'employmentForm', label: '就业形态', type: 'select', required: true, options: options(FORMS, v => label('core', v)) },
  { name: 'newFormKind', label: '新就业形态类别', type: 'select', options: options(KINDS, v => label('core', v)) },
  { name: 'phone', label: '手机号' },
  { name: 'cardNumber', label: '会员卡号' },
  { name: 'joinedOn', label: '入会日期', type: 'date' },
  { name: 'idNumber', label: '身份证号', placeholder: '留空或保留掩码则不修改' }
];

/** The record as the form's starting values: the ID number stays masked (the server keeps it when sent back so). */
export const memberValues = m => ({ name: m.name, orgId: m.orgId, employmentForm: m.employmentForm,
  newFormKind: m.newFormKind, phone: m.phone, cardNumber: m.cardNumber, joinedOn: m.joinedOn, idNumber: m.idNumber });
